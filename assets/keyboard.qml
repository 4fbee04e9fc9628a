// The on-screen keyboard docked in the kiosk window (kiosk/screens/keyboard.py): Pinyin first, English second.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

InputPanel {
    // The view takes the panel's natural height for this width (set by the kiosk before loading).
    width: typeof kioskKeyboardWidth !== "undefined" ? kioskKeyboardWidth : 1080
    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = "zh_CN"
    }
}
