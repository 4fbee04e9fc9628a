<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>AdminPinScreen</name>
    <message>
      <location filename="../screens/admin.py" line="27" />
      <source>管理员登录</source>
      <translation>Administrator sign-in</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="31" />
      <source>请输入管理密码</source>
      <translation>Enter the admin PIN</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="40" />
      <source>清除</source>
      <translation>Clear</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="40" />
      <source>确定</source>
      <translation>OK</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="76" />
      <source>已锁定，请 %1 分钟后再试</source>
      <translation>Locked. Try again in %1 min</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="87" />
      <source>错误次数过多，已锁定 %1 分钟</source>
      <translation>Too many wrong PINs: locked for %1 min</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="90" />
      <source>密码错误，还可尝试 %1 次</source>
      <translation>Wrong PIN. %1 tries left</translation>
    </message>
  </context>
  <context>
    <name>AdminScreen</name>
    <message>
      <location filename="../screens/admin.py" line="99" />
      <source>终端管理</source>
      <translation>Terminal administration</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="104" />
      <source>软件版本</source>
      <translation>Version</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="105" />
      <source>配置文件</source>
      <translation>Config file</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="106" />
      <source>终端编号</source>
      <translation>Terminal ID</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="107" />
      <source>站点</source>
      <translation>Site</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="108" />
      <source>区划代码</source>
      <translation>Region code</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="113" />
      <source>操作记录</source>
      <translation>Audit log</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="118" />
      <source>退出管理</source>
      <translation>Leave admin mode</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="120" />
      <source>退出程序</source>
      <translation>Exit the application</translation>
    </message>
  </context>
  <context>
    <name>BottomBar</name>
    <message>
      <location filename="../screens/bars.py" line="66" />
      <source>首页</source>
      <translation>Home</translation>
    </message>
    <message>
      <location filename="../screens/bars.py" line="67" />
      <source>返回</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../screens/bars.py" line="68" />
      <source>呼叫工作人员</source>
      <translation>Call staff</translation>
    </message>
  </context>
  <context>
    <name>ComingSoonScreen</name>
    <message>
      <location filename="../screens/coming_soon.py" line="24" />
      <source>返回首页</source>
      <translation>Back to home</translation>
    </message>
    <message>
      <location filename="../screens/coming_soon.py" line="33" />
      <source>本终端暂未开通“%1”。
请到服务大厅窗口办理，或点击右下角“呼叫工作人员”。</source>
      <translation>“%1” is not available on this terminal yet.
Please go to a service-hall window, or tap “Call staff” at the bottom right.</translation>
    </message>
  </context>
  <context>
    <name>HomeScreen</name>
    <message>
      <location filename="../screens/home.py" line="26" />
      <source>您好，请选择要办理的事项</source>
      <translation>Hello! What would you like to do?</translation>
    </message>
    <message>
      <location filename="../screens/home.py" line="27" />
      <source>只进一扇门，最多跑一次</source>
      <translation>One door, at most one trip</translation>
    </message>
    <message>
      <location filename="../screens/home.py" line="36" />
      <source>建设中</source>
      <translation>Coming soon</translation>
    </message>
  </context>
  <context>
    <name>IdlePrompt</name>
    <message>
      <location filename="../screens/overlay.py" line="42" />
      <source>需要更多时间吗？</source>
      <translation>Do you need more time?</translation>
    </message>
    <message>
      <location filename="../screens/overlay.py" line="47" />
      <source>倒计时结束后，本次办理的信息将被清除，返回首页。</source>
      <translation>When the countdown ends, everything you entered is cleared and the kiosk returns home.</translation>
    </message>
    <message>
      <location filename="../screens/overlay.py" line="50" />
      <source>继续办理</source>
      <translation>Yes, continue</translation>
    </message>
    <message>
      <location filename="../screens/overlay.py" line="51" />
      <source>结束办理</source>
      <translation>No, finish</translation>
    </message>
    <message numerus="yes">
      <location filename="../screens/overlay.py" line="61" />
      <source>%n 秒</source>
      <translation>
        <numerusform>%n s</numerusform>
        <numerusform />
      </translation>
    </message>
  </context>
  <context>
    <name>Journeys</name>
    <message>
      <location filename="../journeys.py" line="26" />
      <source>办事指南</source>
      <translation>Guides</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="27" />
      <source>查看办事条件、材料和流程</source>
      <translation>What you need and what happens</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="28" />
      <source>我要办</source>
      <translation>Apply</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="29" />
      <source>刷身份证，在线提交申请</source>
      <translation>Place your ID card and apply here</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="30" />
      <source>办件查询</source>
      <translation>Track a case</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="31" />
      <source>查看办件进度，打印进度单</source>
      <translation>See progress, print a progress slip</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="32" />
      <source>预约取号</source>
      <translation>Appointments</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="33" />
      <source>预约办理时间，现场取号</source>
      <translation>Book a time, or take a queue ticket</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="34" />
      <source>帮代办</source>
      <translation>Get help</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="35" />
      <source>工作人员帮您办、上门代办</source>
      <translation>Staff do it with you, or visit your home</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="36" />
      <source>中介超市</source>
      <translation>Agencies</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="37" />
      <source>查找中介机构，比较收费与时限</source>
      <translation>Compare agencies' fees and times</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="38" />
      <source>好差评</source>
      <translation>Rate us</translation>
    </message>
    <message>
      <location filename="../journeys.py" line="39" />
      <source>评价政务服务，帮助我们改进</source>
      <translation>Tell us how we did</translation>
    </message>
  </context>
  <context>
    <name>KioskWindow</name>
    <message>
      <location filename="../screens/window.py" line="217" />
      <source>暂时无法呼叫，请到服务台找工作人员。</source>
      <translation>Cannot call staff right now. Please ask at the service desk.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="220" />
      <source>正在呼叫工作人员…</source>
      <translation>Calling staff…</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="222" />
      <source>已通知工作人员，请在原地稍候。</source>
      <translation>Staff have been called. Please wait here.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="223" />
      <source>呼叫没有送达，请到服务台找工作人员。</source>
      <translation>The call did not get through. Please ask at the service desk.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="227" />
      <source>网络中断：可以浏览办事指南；提交的申请会保存在本机，联网后自动上传。</source>
      <translation>Network down: guides still work; applications are saved here and sent when the network returns.</translation>
    </message>
  </context>
  <context>
    <name>Message</name>
    <message>
      <location filename="../screens/overlay.py" line="71" />
      <source>知道了</source>
      <translation>OK</translation>
    </message>
  </context>
  <context>
    <name>ReceiptPanel</name>
    <message>
      <location filename="../screens/receipt.py" line="41" />
      <source>本机没有可用的打印机。请用手机扫描二维码保存。</source>
      <translation>No printer is available. Please scan the QR code with your phone.</translation>
    </message>
    <message>
      <location filename="../screens/receipt.py" line="46" />
      <source>正在打印，请稍候…</source>
      <translation>Printing, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/receipt.py" line="53" />
      <source>打印完成，请取走您的回执。</source>
      <translation>Done. Please take your receipt.</translation>
    </message>
  </context>
  <context>
    <name>TopBar</name>
    <message>
      <location filename="../screens/bars.py" line="27" />
      <source>演示</source>
      <translation>DEMO</translation>
    </message>
    <message>
      <location filename="../screens/bars.py" line="43" />
      <source>标准模式</source>
      <translation>Standard view</translation>
    </message>
    <message>
      <location filename="../screens/bars.py" line="43" />
      <source>长辈模式</source>
      <translation>Large text</translation>
    </message>
  </context>
</TS>