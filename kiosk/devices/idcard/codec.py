"""GA/T 467 SAM serial protocol: request frames, an incremental frame receiver, SW3 status codes.

Pure functions and one small stateful parser, no I/O: the reader, the simulator, the tests and the
fuzzer all share them, so the bytes on the wire are defined in exactly one place.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass

PREAMBLE = b"\xaa\xaa\xaa\x96\x69"
HEADER_LEN = 7  # preamble + 2-byte length
# Longest legitimate reply is "read with fingerprint" (LEN = 0x090A). Anything much longer is a
# corrupted length field; bounding it stops one bad byte from making the receiver wait forever.
MAX_FRAME_LEN = 0x0A00
MIN_RESPONSE_LEN = 4  # SW1 SW2 SW3 CHK
MIN_REQUEST_LEN = 3  # CMD PARA CHK


class Command(bytes, enum.Enum):
    """CMD PARA pairs of the host interface (GA/T 467)."""

    RESET_SAM = b"\x10\xff"
    SAM_STATUS = b"\x11\xff"
    SAM_ID = b"\x12\xff"
    FIND_CARD = b"\x20\x01"
    SELECT_CARD = b"\x20\x02"
    READ_TEXT_PHOTO = b"\x30\x01"
    READ_APPENDED_ADDRESS = b"\x30\x03"
    READ_WITH_FINGERPRINT = b"\x30\x10"


#: Supported rates and the PARA byte of CMD 0x60 that selects each.
BAUD_PARA: dict[int, int] = {115200: 0x00, 57600: 0x01, 38400: 0x02, 19200: 0x03, 9600: 0x04}
SUPPORTED_BAUDS: tuple[int, ...] = tuple(BAUD_PARA)


def xor_checksum(data: bytes) -> int:
    """XOR of every byte (the frame checksum covers LEN..last byte before CHK)."""
    chk = 0
    for b in data:
        chk ^= b
    return chk


def build_frame(body: bytes) -> bytes:
    """Wrap body (CMD+PARA+DATA for requests, SW1..SW3+DATA for replies) in preamble, LEN and CHK."""
    length = len(body) + 1
    if length > 0xFFFF:
        raise ValueError(f"frame body too long: {len(body)} bytes (max {0xFFFF - 1})")
    head = length.to_bytes(2, "big")
    return PREAMBLE + head + body + bytes([xor_checksum(head + body)])


def build_request(cmd: int, para: int, data: bytes = b"") -> bytes:
    """Any request frame: AA AA AA 96 69 | LEN | CMD | PARA | DATA | CHK."""
    if not (0 <= cmd <= 0xFF and 0 <= para <= 0xFF):
        raise ValueError(f"cmd/para must be bytes 0..255, got {cmd!r}/{para!r}")
    return build_frame(bytes([cmd, para]) + data)


def _req(command: Command) -> bytes:
    return build_request(command.value[0], command.value[1])


def reset_sam() -> bytes:
    return _req(Command.RESET_SAM)


def sam_status() -> bytes:
    return _req(Command.SAM_STATUS)


def sam_id() -> bytes:
    return _req(Command.SAM_ID)


def find_card() -> bytes:
    return _req(Command.FIND_CARD)


def select_card() -> bytes:
    return _req(Command.SELECT_CARD)


def read_text_photo() -> bytes:
    return _req(Command.READ_TEXT_PHOTO)


def read_with_fingerprint() -> bytes:
    return _req(Command.READ_WITH_FINGERPRINT)


def read_appended_address() -> bytes:
    return _req(Command.READ_APPENDED_ADDRESS)


def set_baud(baud: int) -> bytes:
    """CMD 60 with PARA 00..04; only the five rates of the standard are allowed."""
    try:
        para = BAUD_PARA[baud]
    except KeyError:
        allowed = ", ".join(str(b) for b in SUPPORTED_BAUDS)
        raise ValueError(f"unsupported baud rate {baud!r}; allowed: {allowed}") from None
    return build_request(0x60, para)


def build_response(sw3: int, data: bytes = b"", sw1: int = 0x00, sw2: int = 0x00) -> bytes:
    """A reply frame (used by the simulator and the tests)."""
    return build_frame(bytes([sw1, sw2, sw3]) + data)


@dataclass(frozen=True, slots=True)
class Frame:
    """One checksum-valid frame. body = everything between LEN and CHK."""

    body: bytes

    # Reply view (reader -> host)
    @property
    def sw1(self) -> int:
        return self.body[0]

    @property
    def sw2(self) -> int:
        return self.body[1]

    @property
    def sw3(self) -> int:
        return self.body[2]

    @property
    def data(self) -> bytes:
        """Reply payload after SW1..SW3."""
        return self.body[3:]

    # Request view (host -> reader)
    @property
    def cmd_para(self) -> bytes:
        return self.body[:2]

    @property
    def request_data(self) -> bytes:
        return self.body[2:]

    def to_bytes(self) -> bytes:
        return build_frame(self.body)

    def __repr__(self) -> str:  # payloads carry personal data: never print them
        return f"Frame(len={len(self.body)})"


class FrameReceiver:
    """Incremental parser: feed() bytes as they arrive, get whole checksum-valid frames back.

    Skips garbage before a preamble, keeps partial frames until the rest arrives, splits back-to-back
    frames, drops frames with a bad checksum or an impossible length (and resynchronises one byte
    later so a real frame hidden behind a false preamble is still found). Never raises.
    """

    def __init__(self, min_len: int = MIN_RESPONSE_LEN, max_len: int = MAX_FRAME_LEN) -> None:
        self._buf = bytearray()
        self._min_len = min_len
        self._max_len = max_len
        self.garbage_bytes = 0
        self.bad_checksums = 0
        self.bad_lengths = 0

    def reset(self) -> None:
        self._buf.clear()

    @property
    def buffered(self) -> int:
        return len(self._buf)

    def needed(self) -> int:
        """Bytes still missing before the frame in progress can complete (>= 1); a read-size hint."""
        buf = self._buf
        if len(buf) < HEADER_LEN or not buf.startswith(PREAMBLE):
            return max(1, HEADER_LEN - len(buf))
        length = int.from_bytes(buf[5:7], "big")
        if not (self._min_len <= length <= self._max_len):
            return 1
        return max(1, HEADER_LEN + length - len(buf))

    def feed(self, data: bytes | bytearray | memoryview) -> list[Frame]:
        frames: list[Frame] = []
        try:
            self._buf += data
        except TypeError:
            return frames
        buf = self._buf
        while True:
            start = buf.find(PREAMBLE)
            if start < 0:
                # Keep a tail that could be the start of a preamble split across reads.
                keep = 0
                for k in range(min(len(PREAMBLE) - 1, len(buf)), 0, -1):
                    if PREAMBLE.startswith(bytes(buf[-k:])):
                        keep = k
                        break
                self.garbage_bytes += len(buf) - keep
                del buf[: len(buf) - keep]
                return frames
            if start:
                self.garbage_bytes += start
                del buf[:start]
            if len(buf) < HEADER_LEN:
                return frames
            length = int.from_bytes(buf[5:7], "big")
            if not (self._min_len <= length <= self._max_len):
                self.bad_lengths += 1
                del buf[:1]
                continue
            total = HEADER_LEN + length
            if len(buf) < total:
                return frames
            head_body = bytes(buf[5 : total - 1])
            if xor_checksum(head_body) != buf[total - 1]:
                self.bad_checksums += 1
                del buf[:1]
                continue
            frames.append(Frame(head_body[2:]))
            del buf[:total]


class Sw3(enum.IntEnum):
    """SW3 status codes; decide on SW3 alone (SW1/SW2 only relay the card's own status)."""

    SUCCESS = 0x90
    FIND_SUCCESS = 0x9F
    NO_SUCH_ITEM = 0x91
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    COMMAND_ERROR = 0x21
    UNAUTHORISED = 0x23
    UNRECOGNISED_ERROR = 0x24
    CARD_AUTH_SAM_FAILED = 0x31
    SAM_AUTH_CARD_FAILED = 0x32
    VERIFICATION_ERROR = 0x33
    WRONG_CARD_TYPE = 0x40
    READ_FAILED = 0x41
    RANDOM_NUMBER_FAILED = 0x47
    SAM_SELF_TEST_FAILED = 0x60
    SAM_NOT_AUTHORISED = 0x66
    NO_CARD = 0x80
    SELECT_FAILED = 0x81


_SW3_MESSAGES: dict[Sw3, tuple[str, str]] = {
    Sw3.SUCCESS: ("操作成功", "Success"),
    Sw3.FIND_SUCCESS: ("找到身份证", "Card found"),
    Sw3.NO_SUCH_ITEM: ("卡内无此项内容", "No such item on the card"),
    Sw3.CHECKSUM_ERROR: ("通讯校验错误，请重试", "Checksum error on the link, try again"),
    Sw3.LENGTH_ERROR: ("通讯长度错误，请重试", "Length error on the link, try again"),
    Sw3.COMMAND_ERROR: ("读卡器不支持该命令", "Command not supported by the reader"),
    Sw3.UNAUTHORISED: ("越权操作", "Unauthorised operation"),
    Sw3.UNRECOGNISED_ERROR: ("读卡器未知错误", "Unrecognised reader error"),
    Sw3.CARD_AUTH_SAM_FAILED: ("身份证认证读卡模块失败，请重新放卡", "The card failed to authenticate the SAM; place the card again"),
    Sw3.SAM_AUTH_CARD_FAILED: ("读卡模块认证身份证失败，请重新放卡", "The SAM failed to authenticate the card; place the card again"),
    Sw3.VERIFICATION_ERROR: ("信息验证错误，请重新放卡", "Verification error; place the card again"),
    Sw3.WRONG_CARD_TYPE: ("无法识别的卡类型", "Wrong or unknown card type"),
    Sw3.READ_FAILED: ("读卡失败，请重新放卡", "Read failed; place the card again"),
    Sw3.RANDOM_NUMBER_FAILED: ("取随机数失败，请重新放卡", "Random-number failure; place the card again"),
    Sw3.SAM_SELF_TEST_FAILED: ("读卡模块自检失败，请联系工作人员", "SAM self-test failed; call staff"),
    Sw3.SAM_NOT_AUTHORISED: ("读卡模块未授权，请联系工作人员", "SAM not authorised; call staff"),
    Sw3.NO_CARD: ("未放卡或未找到身份证", "No card found"),
    Sw3.SELECT_FAILED: ("选卡失败，请重新放卡", "Select failed; place the card again"),
}


@dataclass(frozen=True, slots=True)
class Status:
    """A typed reading of one SW3 byte."""

    code: int
    kind: Sw3 | None  # None: a code the standard does not define
    message_zh: str
    message_en: str

    @property
    def ok(self) -> bool:
        return self.kind in (Sw3.SUCCESS, Sw3.FIND_SUCCESS)

    @property
    def name(self) -> str:
        return self.kind.name.lower() if self.kind is not None else f"sw3_{self.code:02x}"


def status_of(sw3: int) -> Status:
    """Map an SW3 byte to a Status with plain messages; unknown codes are named by their hex value."""
    try:
        kind = Sw3(sw3)
    except ValueError:
        return Status(sw3, None, f"读卡器返回未知状态码 {sw3:02X}", f"Reader returned unknown status 0x{sw3:02X}")
    zh, en = _SW3_MESSAGES[kind]
    return Status(sw3, kind, zh, en)
