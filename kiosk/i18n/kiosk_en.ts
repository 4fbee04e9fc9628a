<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
  <context>
    <name>AddressField</name>
    <message>
      <location filename="../screens/form_fields.py" line="367" />
      <location filename="../screens/form_fields.py" line="476" />
      <source>选择地址</source>
      <extracomment>load(code or None, on_done(list of children), on_failed()) - the screen runs it off the GUI thread.</extracomment>
      <translation>Choose address</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="383" />
      <source>重新选择乡镇（街道）</source>
      <translation>Choose another township</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="385" />
      <source>列表中没有我的村（社区）</source>
      <translation>My village is not listed</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="392" />
      <location filename="../screens/form_fields.py" line="480" />
      <source>门牌号、组号（只需填写这一部分）</source>
      <translation>House number and group (only this part is typed)</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="396" />
      <source>例：石塘组12号</source>
      <translation>e.g. Shitang group No. 12</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="469" />
      <source>修改</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="471" />
      <source>地区列表暂时无法获取，请直接填写完整地址。</source>
      <translation>The list of places cannot be loaded right now. Please type the full address.</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="472" />
      <source>重试选择</source>
      <translation>Try the list again</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="475" />
      <source>请先点“选择地址”，选乡镇（街道）和村（社区）。</source>
      <translation>First tap "Choose address" and pick the township and the village.</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="476" />
      <source>重新选择</source>
      <translation>Choose again</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="480" />
      <source>完整地址</source>
      <translation>Full address</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="491" />
      <source>正在加载地区列表，请稍候…</source>
      <translation>Loading the list of places, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="491" />
      <source>请选择乡镇（街道）：</source>
      <translation>Choose the township (street):</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="535" />
      <source>正在加载村（社区）列表…</source>
      <translation>Loading the villages…</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="536" />
      <source>%1：请选择村（社区）：</source>
      <translation>%1: choose the village (community):</translation>
    </message>
  </context>
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
      <location filename="../screens/admin.py" line="101" />
      <source>终端管理</source>
      <translation>Terminal administration</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="106" />
      <source>软件版本</source>
      <translation>Version</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="107" />
      <source>配置文件</source>
      <translation>Config file</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="108" />
      <source>终端编号</source>
      <translation>Terminal ID</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="109" />
      <source>站点</source>
      <translation>Site</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="110" />
      <source>区划代码</source>
      <translation>Region code</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="115" />
      <source>设备状态</source>
      <translation>Devices</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="122" />
      <source>打印测试页</source>
      <translation>Print test page</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="122" />
      <source>读测试卡</source>
      <translation>Read a test card</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="123" />
      <source>立即上传</source>
      <translation>Send queued now</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="123" />
      <source>运行检查</source>
      <translation>Run checks</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="124" />
      <source>重启程序</source>
      <translation>Restart the app</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="124" />
      <source>退出到桌面</source>
      <translation>Exit to desktop</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="132" />
      <source>最近错误</source>
      <translation>Recent errors</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="135" />
      <source>操作记录</source>
      <translation>Audit log</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="139" />
      <source>退出管理</source>
      <translation>Leave admin mode</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="163" />
      <source>读卡器：%1</source>
      <translation>Reader: %1</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="163" />
      <source>在线</source>
      <translation>online</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="164" />
      <source>离线或未配置</source>
      <translation>offline or not configured</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="165" />
      <source>打印机：%1</source>
      <translation>Printer: %1</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="167" />
      <source>状态未知</source>
      <translation>state unknown</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="168" />
      <source>中心服务：%1</source>
      <translation>Central service: %1</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="168" />
      <source>已连接</source>
      <translation>connected</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="168" />
      <source>连不上</source>
      <translation>unreachable</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="169" />
      <source>未知</source>
      <translation>unknown</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="170" />
      <source>待上传：%1 条</source>
      <translation>Waiting to upload: %1</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="174" />
      <source>无</source>
      <translation>none</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="192" />
      <source>上传服务尚未启动</source>
      <translation>The upload service has not started yet</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="195" />
      <source>已开始上传，待上传条数会随之减少</source>
      <translation>Uploading: the waiting count goes down as records are sent</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="207" />
      <source>本机未配置打印机</source>
      <translation>No printer is configured</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="213" />
      <source>正在打印测试页…</source>
      <translation>Printing the test page…</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="217" />
      <source>测试页已打印</source>
      <translation>Test page printed</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="224" />
      <source>读卡器未启动</source>
      <translation>The reader has not started</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="229" />
      <source>请放一张身份证（只显示脱敏信息）</source>
      <translation>Place an ID card (only masked data is shown)</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="233" />
      <source>读卡成功：%1</source>
      <translation>Card read: %1</translation>
    </message>
    <message>
      <location filename="../screens/admin.py" line="247" />
      <source>正在检查…</source>
      <translation>Checking…</translation>
    </message>
  </context>
  <context>
    <name>ApplyConfirmScreen</name>
    <message>
      <location filename="../screens/apply.py" line="937" />
      <source>核对并提交</source>
      <translation>Check and submit</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="938" />
      <source>确认提交</source>
      <translation>Submit</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="940" />
      <source>以下是您本人的完整信息，仅在此页显示，请核对。如有错误请点“返回”修改。</source>
      <translation>This is your own information in full, shown only on this page. Please check it; tap "Back" to correct anything.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="951" />
      <source>请先刷身份证。请返回首页重新开始。</source>
      <translation>Please read your ID card first. Go back to the home screen and start again.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="954" />
      <source>办理事项</source>
      <translation>Service</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="955" />
      <source>事项</source>
      <translation>Service</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="955" />
      <source>部门</source>
      <translation>Department</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="956" />
      <source>申请人</source>
      <translation>Applicant</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="958" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="958" />
      <source>性别</source>
      <translation>Sex</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="959" />
      <source>出生日期</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="959" />
      <source>证件号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="960" />
      <source>手机号码</source>
      <translation>Mobile number</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="961" />
      <source>常住地址</source>
      <translation>Home address</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="973" />
      <source>申请内容</source>
      <translation>Your answers</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="979" />
      <source>无需提交（政府已有电子证照）</source>
      <translation>Nothing to bring (the government already holds it electronically)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="981" />
      <source>请携带原件</source>
      <translation>Please bring the original</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="981" />
      <source>请携带%1</source>
      <translation>Please bring: %1</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="983" />
      <source>申请材料</source>
      <translation>Documents</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="986" />
      <source>领取方式</source>
      <translation>How you receive the result</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="988" />
      <source>免费邮寄</source>
      <translation>Free delivery by post</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="990" />
      <source>窗口领取</source>
      <translation>Collect at the counter</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="990" />
      <source>办理部门通知</source>
      <translation>as the office will tell you</translation>
    </message>
  </context>
  <context>
    <name>ApplyDeliveryScreen</name>
    <message>
      <location filename="../screens/apply.py" line="800" />
      <source>选择领取方式</source>
      <translation>How to receive the result</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="801" />
      <source>下一步：核对信息</source>
      <translation>Next: check your details</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="850" />
      <source>办理结果：%1</source>
      <translation>Result: %1</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="852" />
      <source>这个事项的结果不需要领取（会直接发放或通知您）。</source>
      <translation>Nothing to collect for this service (it is paid out or you are told directly).</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="858" />
      <source>到窗口领取</source>
      <translation>Collect at a counter</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="866" />
      <source>免费邮寄到家</source>
      <translation>Free delivery to your home</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="867" />
      <source>免费邮寄（邮费由政府承担）</source>
      <translation>Free delivery by post (the government pays)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="872" />
      <source>邮寄地址</source>
      <translation>Delivery address</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="873" />
      <source>默认寄到身份证上的住址，可以修改</source>
      <translation>Sent to the address on your ID card unless you change it</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="916" />
      <source>请填写完整的邮寄地址。</source>
      <translation>Please give the full delivery address.</translation>
    </message>
  </context>
  <context>
    <name>ApplyDoneScreen</name>
    <message>
      <location filename="../screens/apply.py" line="1008" />
      <source>提交申请</source>
      <translation>Submit the application</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1019" />
      <source>请为本次服务评价（好差评）</source>
      <translation>Rate this service</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1022" />
      <source>完成</source>
      <translation>Finish</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1080" />
      <source>正在提交，请稍候…</source>
      <translation>Submitting, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1081" />
      <source>您的申请已保存在本机，正在上传。</source>
      <translation>Your application is saved on this terminal and is being sent.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1082" />
      <source>正在保存您的申请…</source>
      <translation>Saving your application…</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1084" />
      <source>已提交</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1085" />
      <source>凭办件编号和手机号后 4 位可以查询办理进度。</source>
      <translation>Follow your case with the case number and the last 4 digits of your mobile number.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1088" />
      <source>网络暂时不通。您的申请已安全保存在本机，联网后自动上传，无需重新办理。
请保管好本机编号；上传后可凭身份证查到正式办件编号。</source>
      <translation>The network is down for now. Your application is safely saved on this terminal and will be sent automatically; you do not need to apply again.
Keep the local reference; once sent, your ID card finds the official case number.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1087" />
      <source>已保存，联网后自动上传</source>
      <translation>Saved; it will be sent automatically when the network is back</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1091" />
      <source>没有提交成功</source>
      <translation>Not submitted</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1092" />
      <source>办理系统没有接收这份申请（内容不符合要求）。请点击右下角“呼叫工作人员”，并出示本机编号。</source>
      <translation>The office system did not accept this application (its content does not fit). Tap "Call staff" at the bottom right and show the local reference.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1095" />
      <source>没有保存成功</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="1096" />
      <source>本机暂时无法保存申请，您的信息没有提交。请点击右下角“呼叫工作人员”，或到窗口办理。</source>
      <translation>This terminal cannot save applications right now; nothing was submitted. Tap "Call staff" at the bottom right, or apply at a counter.</translation>
    </message>
  </context>
  <context>
    <name>ApplyFormScreen</name>
    <message>
      <location filename="../screens/apply.py" line="493" />
      <source>填写申请表</source>
      <translation>Application form</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="494" />
      <source>下一步：核对材料</source>
      <translation>Next: documents</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="512" />
      <source>请先刷身份证。请返回首页重新开始。</source>
      <translation>Please read your ID card first. Go back to the home screen and start again.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="523" />
      <source>身份证信息（已自动读取，无需填写）</source>
      <translation>From your ID card (read automatically, nothing to type)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="525" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="526" />
      <source>性别</source>
      <translation>Sex</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="527" />
      <source>证件号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="528" />
      <source>出生日期</source>
      <translation>Date of birth</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="529" />
      <source>住址</source>
      <translation>Address</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="529" />
      <source>（证件上没有住址）</source>
      <translation>(no address on the card)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="531" />
      <source>请补充以下信息</source>
      <translation>Please add the following</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="533" />
      <source>手机号码</source>
      <translation>Mobile number</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="534" />
      <source>用于接收办理进度短信，查询办件时核对后 4 位</source>
      <translation>For progress text messages; the last 4 digits let you look up your case</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="536" />
      <source>常住地址（到村组、门牌）</source>
      <translation>Home address (down to group and house number)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="537" />
      <source>先选乡镇（街道）和村（社区），再填门牌号</source>
      <translation>Pick the township and village first, then type the house number</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="621" />
      <source>还有 %1 项需要填写或修改，请看红字提示。</source>
      <translation>%1 item(s) still need filling in or correcting; see the red notes.</translation>
    </message>
  </context>
  <context>
    <name>ApplyMaterialsScreen</name>
    <message>
      <location filename="../screens/apply.py" line="646" />
      <source>核对申请材料</source>
      <translation>Documents</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="647" />
      <source>下一步：选择领取方式</source>
      <translation>Next: how to receive the result</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="655" />
      <source>打印一次性告知单</source>
      <translation>Print the one-time notice</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="675" />
      <location filename="../screens/apply.py" line="677" />
      <source>无需提交（政府已有电子证照）</source>
      <translation>Nothing to bring (the government already holds it electronically)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="679" />
      <source>需要您带来的材料</source>
      <translation>Documents to bring</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="684" />
      <source>这个事项不需要您提交纸质材料。</source>
      <translation>No paper documents are needed for this service.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="702" />
      <source>（如适用）</source>
      <translation> (if it applies)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="703" />
      <source>%1 %2 份</source>
      <translation>%1, %2 copy(ies)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="706" />
      <source>我有，会带来</source>
      <translation>I have it and will bring it</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="706" />
      <source>需要，我会带来</source>
      <translation>Needed; I will bring it</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="707" />
      <source>我没有</source>
      <translation>I don't have it</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="707" />
      <source>不需要</source>
      <translation>Not needed</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="739" />
      <source>请携带原件</source>
      <translation>Please bring the original</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="739" />
      <source>请携带%1</source>
      <translation>Please bring: %1</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="742" />
      <source>补正后再来</source>
      <translation>Come back once you have it</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="745" />
      <source>不需要提交</source>
      <translation>Not needed</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="753" />
      <source>缺少必需的材料：%1。
请备齐后再来办理（补正后再来）。可以打印一次性告知单，上面列出全部需要补齐的材料，下次来一次就能办。</source>
      <translation>Missing required documents: %1.
Please come back when you have them. Print the one-time notice: it lists everything still needed, so one more visit is enough.</translation>
    </message>
  </context>
  <context>
    <name>ApplyStartScreen</name>
    <message>
      <location filename="../screens/apply.py" line="370" />
      <location filename="../screens/apply.py" line="411" />
      <location filename="../screens/apply.py" line="420" />
      <source>我要办</source>
      <translation>Apply</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="371" />
      <source>选择要办理的事项。办理时需要刷您本人的居民身份证。</source>
      <translation>Choose the service. You will need your own resident ID card.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="374" />
      <source>输入事项名称或拼音首字母，如 lnr（老年人）</source>
      <translation>Type a service name or pinyin initials, e.g. lnr</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="389" />
      <source>先看办事指南</source>
      <translation>Read the service guide first</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="393" />
      <source>开始办理（请准备身份证）</source>
      <translation>Start (have your ID card ready)</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="423" />
      <source>下一步请刷身份证。表格会用身份证上的信息自动填好，您只需补充缺少的几项。</source>
      <translation>Next you read your ID card. The form is filled in from the card; you only add what is missing.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="450" />
      <source>事项目录正在加载，请稍候再试。</source>
      <translation>The service list is loading; please try again in a moment.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="454" />
      <source>搜索结果</source>
      <translation>Results</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="454" />
      <source>没有找到可以在这里申请的事项，换个说法试试。</source>
      <translation>No service you can apply for here matches; try other words.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="456" />
      <source>常办事项</source>
      <translation>Common services</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="468" />
      <source>本终端暂时不能读取身份证，请到窗口办理，或点击右下角“呼叫工作人员”。</source>
      <translation>This terminal cannot read ID cards right now. Please go to a counter, or tap "Call staff" at the bottom right.</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="471" />
      <source>办理申请</source>
      <translation>to apply for a service</translation>
    </message>
  </context>
  <context>
    <name>ApplyStep</name>
    <message>
      <location filename="../screens/apply.py" line="276" />
      <source>填写</source>
      <translation>Form</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="276" />
      <source>材料</source>
      <translation>Documents</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="276" />
      <source>领取</source>
      <translation>Receiving</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="276" />
      <source>确认</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="278" />
      <source>第 %1 步，共 4 步：</source>
      <translation>Step %1 of 4: </translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="299" />
      <source>男</source>
      <translation>Male</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="299" />
      <source>女</source>
      <translation>Female</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="311" />
      <source>正在读取办事指南，请稍候…</source>
      <translation>Loading the service guide, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="325" />
      <source>暂时无法读取这个事项的申请表（网络不通，本机也没有保存）。
您可以稍后再试，或点击右下角“呼叫工作人员”。</source>
      <translation>The application form of this service cannot be loaded now (no network, and it is not stored here).
Please try again later, or tap "Call staff" at the bottom right.</translation>
    </message>
  </context>
  <context>
    <name>Appointment</name>
    <message>
      <location filename="../screens/appointment.py" line="69" />
      <source>网络不通，暂时无法预约或取号。请稍后再试，或到服务大厅窗口办理。</source>
      <translation>The network is down: booking and queue tickets are not possible right now. Please try again later or go to a counter in the service hall.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="72" />
      <source>这个时段刚刚约满了，请选择其他时段。</source>
      <translation>This time slot has just been fully booked. Please choose another one.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="74" />
      <source>您当天已经预约过这项业务，无需重复预约。可在“我的预约”中查看。</source>
      <translation>You already have an appointment for this service that day; no need to book again. See it under “My appointments”.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="76" />
      <source>这个时段已不能预约，请选择其他时段。</source>
      <translation>This time slot can no longer be booked. Please choose another one.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="78" />
      <source>这个预约不是今天的，只能在预约当天签到。</source>
      <translation>This appointment is not for today; you can check in only on the day of the appointment.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="80" />
      <source>这个预约已取消或已签到。</source>
      <translation>This appointment has been cancelled or already checked in.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="83" />
      <source>暂时无法办理，请稍后再试，或到窗口办理。</source>
      <translation>This cannot be done right now. Please try again later or go to a service counter.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="510" />
      <source>已预约</source>
      <translation>Booked</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="511" />
      <source>已取消</source>
      <translation>Cancelled</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="512" />
      <source>已签到</source>
      <translation>Checked in</translation>
    </message>
  </context>
  <context>
    <name>AppointmentDoneScreen</name>
    <message>
      <location filename="../screens/appointment.py" line="363" />
      <location filename="../screens/appointment.py" line="371" />
      <location filename="../screens/appointment.py" line="418" />
      <location filename="../screens/appointment.py" line="470" />
      <source>确认预约</source>
      <translation>Confirm the appointment</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="366" />
      <source>请输入您的手机号（用于预约提醒，也可凭后 4 位查询、取消）</source>
      <translation>Enter your mobile number (for reminders; its last 4 digits also let you look up or cancel)</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="367" />
      <source>11 位手机号</source>
      <translation>11-digit mobile number</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="373" />
      <source>重新选择时段</source>
      <translation>Choose another slot</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="383" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="411" />
      <source>请重新选择预约时段。</source>
      <translation>Please choose the time slot again.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="420" />
      <location filename="../screens/appointment.py" line="432" />
      <source>办理单位：%1</source>
      <translation>Office: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="420" />
      <location filename="../screens/appointment.py" line="433" />
      <source>办理业务：%1</source>
      <translation>Service: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="421" />
      <source>预约时间：%1</source>
      <translation>Time: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="422" />
      <source>预约人：%1（%2）</source>
      <translation>Booked by: %1 (%2)</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="426" />
      <source>预约成功</source>
      <translation>Booked</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="431" />
      <source>预约编号：%1</source>
      <translation>Appointment number: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="434" />
      <source>地址：%1　%2</source>
      <translation>Address: %1  %2</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="435" />
      <source>请提前 10 分钟到达，在大厅取号机刷身份证签到，优先叫号。</source>
      <translation>Please arrive 10 minutes early and check in with your ID card at the ticket machine in the hall: you will be called first.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="443" />
      <source>手机号码应为 11 位数字，以 1 开头。</source>
      <translation>The mobile number must have 11 digits and start with 1.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="452" />
      <source>正在预约，请稍候…</source>
      <translation>Booking, please wait…</translation>
    </message>
  </context>
  <context>
    <name>AppointmentScreen</name>
    <message>
      <location filename="../screens/appointment.py" line="123" />
      <source>预约取号</source>
      <translation>Appointments and queue</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="126" />
      <source>现场取号</source>
      <translation>Take a queue ticket</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="128" />
      <source>预约签到（刷身份证）</source>
      <translation>Appointment check-in (ID card)</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="130" />
      <source>我的预约：查询、取消</source>
      <translation>My appointments: look up, cancel</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="142" />
      <source>预约办理：请选择办理单位和业务（可预约今天起 365 天内）</source>
      <translation>Book an appointment: choose the office and the service (any day within the next 365 days)</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="152" />
      <source>预约签到</source>
      <translation>Appointment check-in</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="152" />
      <source>查询我的预约</source>
      <translation>Look up my appointments</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="158" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="167" />
      <source>本机不能现场取号。取号请到服务大厅（如浏阳市市民之家）的取号机。</source>
      <translation>This kiosk does not issue queue tickets. Take a ticket at the ticket machine of a service hall (e.g. the Liuyang Citizen Centre).</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="177" />
      <source>本机不能现场取号。取号请到服务大厅：%1</source>
      <translation>This kiosk does not issue queue tickets. Take a ticket in a service hall: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="184" />
      <source>地址：%1　电话：%2</source>
      <translation>Address: %1  Phone: %2</translation>
    </message>
  </context>
  <context>
    <name>AppointmentSlotsScreen</name>
    <message>
      <location filename="../screens/appointment.py" line="213" />
      <source>选择日期和时段</source>
      <translation>Choose a day and time</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="216" />
      <source>第一步：选择日期（只显示还有名额的日子）</source>
      <translation>Step 1: choose a day (only days with free places are shown)</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="261" />
      <location filename="../screens/appointment.py" line="305" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="270" />
      <source>今后 365 天都已约满或不开放，请到窗口咨询。</source>
      <translation>The next 365 days are fully booked or closed. Please ask at a counter.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="286" />
      <source>余 %1 个名额</source>
      <translation>%1 places left</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="315" />
      <source>第二步：选择 %1 的时段</source>
      <translation>Step 2: choose a time on %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="323" />
      <source>余 %1 个</source>
      <translation>%1 left</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="324" />
      <source>已约满</source>
      <translation>Full</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="331" />
      <source>这一天没有可预约的时段，请换一天。</source>
      <translation>No time slots are free that day. Please choose another day.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="342" />
      <source>预约办理</source>
      <translation>Book an appointment</translation>
    </message>
  </context>
  <context>
    <name>BottomBar</name>
    <message>
      <location filename="../screens/bars.py" line="71" />
      <source>首页</source>
      <translation>Home</translation>
    </message>
    <message>
      <location filename="../screens/bars.py" line="72" />
      <source>返回</source>
      <translation>Back</translation>
    </message>
    <message>
      <location filename="../screens/bars.py" line="73" />
      <source>呼叫工作人员</source>
      <translation>Call staff</translation>
    </message>
  </context>
  <context>
    <name>CaseDetailScreen</name>
    <message>
      <location filename="../screens/cases.py" line="623" />
      <source>办件进度</source>
      <translation>Case progress</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="629" />
      <source>下一步怎么办</source>
      <translation>What to do next</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="631" />
      <source>办理过程</source>
      <translation>History</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="637" />
      <source>打印进度单</source>
      <translation>Print the progress slip</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="639" />
      <source>刷新进度</source>
      <translation>Refresh</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="641" />
      <source>评价本次服务（好差评）</source>
      <translation>Rate this service</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="671" />
      <source>没有可显示的办件，请返回重新查询。</source>
      <translation>There is no case to show. Please go back and look it up again.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="675" />
      <source>办件编号：%1</source>
      <translation>Case number: %1</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="678" />
      <source>（准予办理）</source>
      <translation> (approved)</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="678" />
      <source>（不予办理）</source>
      <translation> (refused)</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="687" />
      <source>（更早的 %1 条记录见进度单）</source>
      <translation>(%1 earlier entries are on the printed slip)</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="709" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
  </context>
  <context>
    <name>CaseListScreen</name>
    <message>
      <location filename="../screens/cases.py" line="397" />
      <source>我的办件</source>
      <translation>My cases</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="415" />
      <source>手机号后 4 位</source>
      <translation>Last 4 digits of the mobile</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="416" />
      <source>查看进度</source>
      <translation>Show progress</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="440" />
      <source>请先刷身份证。</source>
      <translation>Please place your ID card first.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="442" />
      <source>证件号码：%1</source>
      <translation>ID number: %1</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="455" />
      <location filename="../screens/cases.py" line="481" />
      <location filename="../screens/cases.py" line="560" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="506" />
      <source>没有查到您的办件。如果您是在窗口办理的，请凭回执上的办件编号查询。</source>
      <translation>No cases found for you. If you applied at a counter, look it up with the case number on your receipt.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="513" />
      <source>网络不通，暂时查不到已上传的办件。</source>
      <translation>The network is down: uploaded cases cannot be looked up right now.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="515" />
      <source>下面是保存在本机、等待上传的申请。</source>
      <translation>Below are applications saved on this kiosk and waiting to be uploaded.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="531" />
      <source>待上传　本机编号 %1
保存时间 %2。联网后自动上传，无需重新办理。</source>
      <translation>Waiting to upload  Kiosk reference %1
Saved %2. It uploads by itself once the network is back; no need to apply again.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="541" />
      <source>查看更早的办件</source>
      <translation>Show older cases</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="577" />
      <source>为保护您的信息，查看办件 %1 还需要办理时所留手机号的后 4 位：</source>
      <translation>To protect your information, case %1 also needs the last 4 digits of the mobile number you gave:</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="596" />
      <source>请输入手机号的后 4 位数字。</source>
      <translation>Enter the last 4 digits of your mobile number.</translation>
    </message>
  </context>
  <context>
    <name>CaseLookupScreen</name>
    <message>
      <location filename="../screens/cases.py" line="291" />
      <location filename="../screens/cases.py" line="324" />
      <source>办件查询</source>
      <translation>Case lookup</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="292" />
      <source>刷身份证，查看我的全部办件</source>
      <translation>Place your ID card to see all my cases</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="295" />
      <source>或者：输入回执上的办件编号和手机号后 4 位</source>
      <translation>Or: type the case number on your receipt and the last 4 digits of your mobile</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="299" />
      <source>办件编号，例：LY20261126000123</source>
      <translation>Case number, e.g. LY20261126000123</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="302" />
      <source>手机号后 4 位</source>
      <translation>Last 4 digits of the mobile</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="303" />
      <source>办件编号（本机编号 LY-… 也可以）</source>
      <translation>Case number (a kiosk reference LY-… works too)</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="305" />
      <source>办理时所留手机号的后 4 位</source>
      <translation>Last 4 digits of the mobile number you gave</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="311" />
      <source>查询</source>
      <translation>Look up</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="338" />
      <source>请输入回执上的办件编号（字母 LY 开头，后面是数字）。</source>
      <translation>Enter the case number on your receipt (LY followed by digits).</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="341" />
      <source>请输入手机号的后 4 位数字。</source>
      <translation>Enter the last 4 digits of your mobile number.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="357" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="367" />
      <source>这份申请（本机编号 %1）已安全保存在本机，状态：待上传。联网后自动上传，上传后即可查询办理进度，无需重新办理。</source>
      <translation>This application (kiosk reference %1) is safely saved on this kiosk and waiting to upload. It uploads by itself once the network is back; then its progress can be looked up. No need to apply again.</translation>
    </message>
  </context>
  <context>
    <name>CaseState</name>
    <message>
      <location filename="../screens/cases.py" line="49" />
      <source>已提交</source>
      <translation>Submitted</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="49" />
      <source>预审中</source>
      <translation>Pre-review</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="50" />
      <source>待补正</source>
      <translation>Materials needed</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="50" />
      <source>已受理</source>
      <translation>Accepted</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="51" />
      <source>审核中</source>
      <translation>Under review</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="51" />
      <source>已办结</source>
      <translation>Decided</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="52" />
      <source>待领取</source>
      <translation>Ready for pickup</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="52" />
      <source>已寄出</source>
      <translation>Mailed</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="53" />
      <source>已送达</source>
      <translation>Delivered</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="53" />
      <source>待上传</source>
      <translation>Waiting to upload</translation>
    </message>
  </context>
  <context>
    <name>Cases</name>
    <message>
      <location filename="../screens/cases.py" line="93" />
      <source>网络不通，暂时无法查询办件进度。请稍后再试，或到窗口查询。</source>
      <translation>The network is down: case progress cannot be looked up right now. Please try again later or ask at a counter.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="95" />
      <source>该办件的验证错误次数过多，为保护您的信息，请 15 分钟后再试，或到窗口查询。</source>
      <translation>Too many wrong attempts for this case. To protect your information, try again in 15 minutes or ask at a counter.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="97" />
      <source>没有查到这个办件：办件编号或手机号后 4 位不对。请核对回执上的编号后再试。</source>
      <translation>No case found: the case number or the last 4 mobile digits do not match. Check the number on your receipt and try again.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="100" />
      <source>暂时无法查询，请稍后再试，或到窗口查询。</source>
      <translation>The lookup is not possible right now. Please try again later or ask at a counter.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="109" />
      <source>工作人员正在预审您的材料，请耐心等待。如需补充材料，会一次性告知您。</source>
      <translation>Staff are checking your materials. If anything is missing you will be told everything at once.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="111" />
      <source>（请咨询窗口）</source>
      <translation>(ask at the counter)</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="112" />
      <source>请带齐以下材料，到 %1 补正：</source>
      <translation>Bring the following to %1: </translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="113" />
      <source>。补正后无需重新排队。</source>
      <translation>. No need to queue again after bringing them.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="115" />
      <source>已受理，接下来由 %1 审核。</source>
      <translation>Accepted; %1 reviews it next.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="117" />
      <source>%1 正在审核。</source>
      <translation>%1 is reviewing it.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="119" />
      <source>承诺 %1 前办结。</source>
      <translation>Promised by %1.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="123" />
      <source>不予办理。原因：%1</source>
      <translation>Refused. Reason: %1</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="124" />
      <source>。如有疑问，请到 %1 咨询。</source>
      <translation>. For questions, ask at %1.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="126" />
      <source>已办结，结果将免费邮寄给您，请留意快递电话。</source>
      <translation>Decided; the result will be mailed to you free of charge. Please answer the courier's call.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="127" />
      <source>已办结，结果送到 %1 后会通知您领取。</source>
      <translation>Decided; you will be told when the result reaches %1 for pickup.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="129" />
      <source>请带上本人身份证，到 %1 领取办理结果。</source>
      <translation>Bring your ID card and pick up the result at %1.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="131" />
      <source>已免费寄出：%1 快递单号 %2。请留意快递电话。</source>
      <translation>Mailed free of charge: %1 tracking number %2. Please answer the courier's call.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="134" />
      <source>已办结并送达。欢迎对本次服务进行评价。</source>
      <translation>Decided and delivered. Please rate this service.</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="140" />
      <source>村受理</source>
      <translation>Village accepts</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="140" />
      <source>镇审核</source>
      <translation>Township reviews</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="140" />
      <source>村出件</source>
      <translation>Village hands over</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="141" />
      <source>受理</source>
      <translation>Accept</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="141" />
      <source>审核</source>
      <translation>Review</translation>
    </message>
    <message>
      <location filename="../screens/cases.py" line="141" />
      <source>出件</source>
      <translation>Hand over</translation>
    </message>
  </context>
  <context>
    <name>ChoiceField</name>
    <message>
      <location filename="../screens/form_fields.py" line="308" />
      <source>可多选</source>
      <translation>You may choose several</translation>
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
    <name>CountTile</name>
    <message>
      <location filename="../screens/guide.py" line="325" />
      <source>%1 项</source>
      <translation>%1 services</translation>
    </message>
  </context>
  <context>
    <name>DemoPanel</name>
    <message>
      <location filename="../screens/demo_panel.py" line="42" />
      <source>演示工具</source>
      <translation>Demo tools</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="45" />
      <source>仅用于演示和培训：模拟设备和网络的各种情况。正式运行时不显示。</source>
      <translation>For demos and training only: simulate device and network situations. Not shown in normal operation.</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="66" />
      <source>模拟刷卡（合成的示例证件）</source>
      <translation>Simulate a card (synthetic sample cards)</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="86" />
      <source>设备和网络</source>
      <translation>Devices and network</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="70" />
      <source>取走卡片</source>
      <translation>Remove the card</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="98" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="117" />
      <source>居民身份证</source>
      <translation>ID card</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="117" />
      <source>港澳台居住证</source>
      <translation>HK/MO/TW permit</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="118" />
      <source>外国人永居证</source>
      <translation>Foreign PR card</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="127" />
      <source>（无法识别）</source>
      <translation> (unreadable)</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="129" />
      <source>（已过期）</source>
      <translation> (expired)</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="152" />
      <source>模拟读卡器断开</source>
      <translation>Unplug the reader</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="152" />
      <source>恢复读卡器连接</source>
      <translation>Reconnect the reader</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="155" />
      <source>恢复打印纸</source>
      <translation>Refill printer paper</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="155" />
      <source>模拟打印机缺纸</source>
      <translation>Printer out of paper</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="158" />
      <source>中心服务切换中…</source>
      <translation>Central service switching…</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="161" />
      <source>停止中心服务</source>
      <translation>Stop central service</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="161" />
      <source>启动中心服务</source>
      <translation>Start central service</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="162" />
      <location filename="../screens/demo_panel.py" line="179" />
      <location filename="../screens/demo_panel.py" line="206" />
      <source>读卡器模拟器</source>
      <translation>card reader simulator</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="162" />
      <location filename="../screens/demo_panel.py" line="219" />
      <source>打印机模拟器</source>
      <translation>printer simulator</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="163" />
      <location filename="../screens/demo_panel.py" line="228" />
      <source>内置中心服务</source>
      <translation>embedded central service</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="164" />
      <source>未运行：%1</source>
      <translation>Not running: %1</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="174" />
      <source>%1未运行，无法模拟。</source>
      <translation>The %1 is not running; nothing to simulate.</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="234" />
      <source>中心服务已启动</source>
      <translation>The central service is running again</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="234" />
      <source>中心服务已停止：现在可以演示离线办理</source>
      <translation>The central service is stopped: you can now show offline use</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="235" />
      <source>正在启动中心服务…</source>
      <translation>Starting the central service…</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="235" />
      <source>正在停止中心服务…</source>
      <translation>Stopping the central service…</translation>
    </message>
  </context>
  <context>
    <name>EvaluationDoneScreen</name>
    <message>
      <location filename="../screens/evaluation.py" line="365" />
      <source>好差评</source>
      <translation>Rate our service</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="376" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="403" />
      <location filename="../screens/evaluation.py" line="413" />
      <source>感谢您的评价</source>
      <translation>Thank you for your rating</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="410" />
      <source>正在提交评价…</source>
      <translation>Sending your rating…</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="414" />
      <source>已提交</source>
      <translation>Sent</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="414" />
      <source>已保存，联网后自动上传</source>
      <translation>Saved; it uploads automatically when the network is back</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="416" />
      <source>评价没有提交成功</source>
      <translation>Your rating was not sent</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="417" />
      <source>请点击右下角“呼叫工作人员”，当面告诉我们您的意见。</source>
      <translation>Tap "Call staff" at the bottom right and tell us in person.</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="419" />
      <source>很抱歉这次没有让您满意。工作人员将在 1 个工作日内打电话（%1）给您，了解情况并在 15 个工作日内整改。</source>
      <translation>We are sorry we did not satisfy you. Staff will call you (%1) within 1 working day to hear what happened, and fix it within 15 working days.</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="422" />
      <source>很抱歉这次没有让您满意。您的意见已转给相关部门，15 个工作日内整改。如希望回电，可以在服务台留下电话。</source>
      <translation>We are sorry we did not satisfy you. Your feedback goes to the department concerned, to be fixed within 15 working days. For a call back, leave your number at the service desk.</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="425" />
      <source>您的评价会帮助我们把服务做得更好。</source>
      <translation>Your rating helps us serve you better.</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="446" />
      <source>%1 秒后自动返回首页，点屏幕任意处立即结束</source>
      <translation>Back to the start in %1 s; tap anywhere to finish now</translation>
    </message>
  </context>
  <context>
    <name>EvaluationScreen</name>
    <message>
      <location filename="../screens/evaluation.py" line="164" />
      <source>好差评</source>
      <translation>Rate our service</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="208" />
      <source>您今天办理的是哪项业务？</source>
      <translation>Which service did you use today?</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="167" />
      <source>您对这次服务满意吗？</source>
      <translation>Were you satisfied with the service?</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="168" />
      <source>非常满意</source>
      <translation>Very satisfied</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="168" />
      <source>满意</source>
      <translation>Satisfied</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="168" />
      <source>基本满意</source>
      <translation>Fairly satisfied</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="169" />
      <source>不满意</source>
      <translation>Dissatisfied</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="169" />
      <source>非常不满意</source>
      <translation>Very dissatisfied</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="181" />
      <source>哪些方面？（可多选，可不选）</source>
      <translation>What about it? (choose any, or none)</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="191" />
      <source>服务效率高</source>
      <translation>Efficient service</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="191" />
      <source>服务态度好</source>
      <translation>Friendly staff</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="191" />
      <source>办事指南准确</source>
      <translation>Accurate guide</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="192" />
      <source>操作便捷</source>
      <translation>Easy to use</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="192" />
      <source>材料精简</source>
      <translation>Few documents</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="192" />
      <source>一次办好</source>
      <translation>Done in one trip</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="193" />
      <source>等待时间长</source>
      <translation>Long wait</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="193" />
      <source>服务态度差</source>
      <translation>Unfriendly staff</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="194" />
      <source>办事指南不准确</source>
      <translation>Inaccurate guide</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="194" />
      <source>操作复杂</source>
      <translation>Hard to use</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="194" />
      <source>材料要求多</source>
      <translation>Too many documents</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="195" />
      <source>多次跑动</source>
      <translation>Several trips needed</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="195" />
      <source>系统故障</source>
      <translation>System fault</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="196" />
      <source>还想说点什么？（选填）</source>
      <translation>Anything else to tell us? (optional)</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="201" />
      <source>可以不填</source>
      <translation>Optional</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="204" />
      <source>希望工作人员回电吗？</source>
      <translation>Would you like a call back?</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="205" />
      <source>留下手机号，工作人员会在 1 个工作日内打电话了解情况。不留也可以。</source>
      <translation>Leave a mobile number and staff will call you within 1 working day. You do not have to.</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="217" />
      <source>提交评价</source>
      <translation>Send rating</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="228" />
      <source>评价办件：%1</source>
      <translation>Rating case %1</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="230" />
      <source>评价刚才提交的申请（本机编号 %1）</source>
      <translation>Rating the application you just made (local reference %1)</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="232" />
      <source>评价事项：%1</source>
      <translation>Rating the service: %1</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="234" />
      <source>评价本次来访的服务。您的评价不记名，帮助我们改进。</source>
      <translation>Rate the service of this visit. Your rating is anonymous and helps us improve.</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="292" />
      <source>请点选一个满意程度。</source>
      <translation>Please tap one of the levels.</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="294" />
      <source>请选择您办理的业务。</source>
      <translation>Please choose the service you used.</translation>
    </message>
    <message>
      <location filename="../screens/evaluation.py" line="297" />
      <source>手机号码不对；不想留电话可以清空。</source>
      <translation>The mobile number is not valid; clear it if you prefer not to leave one.</translation>
    </message>
  </context>
  <context>
    <name>FormField</name>
    <message>
      <location filename="../screens/form_fields.py" line="165" />
      <source>（必填）</source>
      <translation> (required)</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="165" />
      <source>（选填）</source>
      <translation> (optional)</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="204" />
      <source>请填写此项。</source>
      <translation>Please fill this in.</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="206" />
      <source>手机号码应为 11 位数字，以 1 开头（例如 13812345678）。</source>
      <translation>A mobile number has 11 digits and starts with 1 (e.g. 13812345678).</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="208" />
      <source>请填写数字（例如 3 或 1200）。</source>
      <translation>Please type a number (e.g. 3 or 1200).</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="210" />
      <source>请按“年-月-日”填写日期，例如 2026-12-01。</source>
      <translation>Please type the date as year-month-day, e.g. 2026-12-01.</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="212" />
      <source>请点选一项。</source>
      <translation>Please choose one.</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="214" />
      <source>内容太长，最多 %1 个字。</source>
      <translation>Too long: at most %1 characters.</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="216" />
      <source>格式不对，应为：%1</source>
      <translation>Wrong format; expected: %1</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="217" />
      <source>格式不对，请检查。</source>
      <translation>Wrong format; please check.</translation>
    </message>
  </context>
  <context>
    <name>Guide</name>
    <message>
      <location filename="../screens/guide.py" line="46" />
      <source>个人办事</source>
      <translation>For individuals</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="46" />
      <source>法人办事</source>
      <translation>For businesses</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="47" />
      <source>村上办</source>
      <translation>At the village</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="47" />
      <source>镇上办</source>
      <translation>At the township</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="48" />
      <source>最多跑一次</source>
      <translation>One trip at most</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="49" />
      <source>全程网办</source>
      <translation>Fully online</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="50" />
      <source>按人生事项</source>
      <translation>Life events</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="50" />
      <source>个人/法人</source>
      <translation>Individuals / businesses</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="51" />
      <source>本站能办</source>
      <translation>What this site does</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="51" />
      <source>按部门</source>
      <translation>Departments</translation>
    </message>
  </context>
  <context>
    <name>GuideBrowseScreen</name>
    <message>
      <location filename="../screens/guide.py" line="367" />
      <source>办事指南</source>
      <translation>Service guides</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="372" />
      <source>输入事项名称、拼音或首字母，如：社保、bdc</source>
      <translation>Type a service name, pinyin or initials, e.g. 社保, shebao, bdc</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="373" />
      <source>输入要办的事，如：社保</source>
      <translation>Type what you need, e.g. 社保</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="376" />
      <source>清空</source>
      <translation>Clear</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="460" />
      <source>事项目录正在准备，请稍候…（如长时间没有出现，请点击“呼叫工作人员”）</source>
      <translation>The list of services is being prepared, please wait… (if it does not appear, tap "Call staff")</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="542" />
      <source>没有找到“%1”。可以换个说法（如“社保”“身份证”），或清空后按分类查找。</source>
      <translation>Nothing found for "%1". Try other words (e.g. 社保, 身份证), or clear the box and browse by category.</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="551" />
      <source>查看全部搜索结果</source>
      <translation>Show all results</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="554" />
      <source>拼音搜索正在准备，请先输入汉字。</source>
      <translation>Pinyin search is being prepared; please type Chinese characters for now.</translation>
    </message>
  </context>
  <context>
    <name>GuideDetailScreen</name>
    <message>
      <location filename="../screens/guide.py" line="697" />
      <location filename="../screens/guide.py" line="1013" />
      <source>办事指南</source>
      <translation>Service guide</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="712" />
      <source>能办到什么</source>
      <translation>What you get</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="712" />
      <source>办理结果及送达方式</source>
      <translation>Result and delivery</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="713" />
      <source>要跑几次</source>
      <translation>How many trips</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="713" />
      <source>到现场次数</source>
      <translation>Visits in person</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="714" />
      <source>要多长时间</source>
      <translation>How long</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="714" />
      <source>办理时限</source>
      <translation>Time limit</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="715" />
      <source>要不要钱</source>
      <translation>Does it cost</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="715" />
      <source>收费标准及依据</source>
      <translation>Fees and their basis</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="716" />
      <source>要带什么材料</source>
      <translation>What to bring</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="716" />
      <source>申请材料</source>
      <translation>Application materials</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="717" />
      <source>在哪里办</source>
      <translation>Where</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="717" />
      <source>办理地点</source>
      <translation>Place</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="718" />
      <source>什么时间办</source>
      <translation>When</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="718" />
      <source>办理时间</source>
      <translation>Office hours</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="719" />
      <source>有问题打电话</source>
      <translation>Questions? Call</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="719" />
      <source>咨询电话 / 监督投诉电话</source>
      <translation>Enquiries / complaints</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="745" />
      <source>更多信息</source>
      <translation>More information</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="758" />
      <source>用手机扫描二维码，把这份办事指南带走</source>
      <translation>Scan the QR code with your phone to take this guide with you</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="763" />
      <source>收起</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="772" />
      <source>打印办事指南</source>
      <translation>Print the guide</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="774" />
      <source>扫码带走</source>
      <translation>Take it by QR</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="776" />
      <source>我要办</source>
      <translation>Apply now</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="811" />
      <source>事项目录正在准备，请稍候再试，或点击“呼叫工作人员”。</source>
      <translation>The list of services is being prepared; try again shortly, or tap "Call staff".</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="814" />
      <source>没有找到这个事项（可能已调整）。请返回重新查找。</source>
      <translation>This service was not found (it may have changed). Go back and search again.</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="824" />
      <location filename="../screens/guide.py" line="861" />
      <source>这个事项暂无详细办事指南。请拨打咨询电话或到服务窗口咨询，也可以点击“呼叫工作人员”。</source>
      <translation>There is no detailed guide for this service yet. Call the enquiry line or ask at a service counter, or tap "Call staff".</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="830" />
      <source>%1 · 事项编码 %2</source>
      <translation>%1 · code %2</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="844" />
      <source>正在获取办事指南，请稍候…</source>
      <translation>Getting the guide, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="871" />
      <source>这份办事指南还没有保存在本机，查看需要联网，现在网络不通。
您可以稍后再试，或返回查看其他事项的办事指南，也可以点击“呼叫工作人员”。</source>
      <translation>This guide is not saved on this kiosk yet, and reading it needs the network, which is down now.
Try again later, go back to read other guides, or tap "Call staff".</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="884" />
      <source>见办理流程</source>
      <translation>See the procedure</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="886" />
      <source>零跑动</source>
      <translation>No trip needed</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="886" />
      <source>全程网上办理，不用到现场</source>
      <translation>Done entirely online; no need to come in person</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="888" />
      <source>最多跑一次</source>
      <translation>At most one trip</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="888" />
      <source>材料带齐，到现场一次即可办好</source>
      <translation>Bring everything and it is done in one visit</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="890" />
      <source>到现场 %1 次</source>
      <translation>%1 visits in person</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="896" />
      <source>即办，当场办结</source>
      <translation>On the spot</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="897" />
      <source>承诺 %1 个工作日</source>
      <translation>Promised: %1 working days</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="898" />
      <source>法定时限 %1 个工作日</source>
      <translation>Statutory limit: %1 working days</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="899" />
      <source>法定时限：无明确规定</source>
      <translation>Statutory limit: none set</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="902" />
      <source>不收费</source>
      <translation>Free of charge</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="904" />
      <source>依据：%1</source>
      <translation>Basis: %1</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="908" />
      <source>监督投诉：%1</source>
      <translation>Complaints: %1</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="923" />
      <source>不需要提交材料</source>
      <translation>No materials needed</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="925" />
      <source>需要带 %1 样，%2 样不用带</source>
      <translation>Bring %1; %2 you need not bring</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="926" />
      <source>需要带 %1 样</source>
      <translation>Bring %1</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="928" />
      <source>%1 %2 份</source>
      <translation>%1 × %2</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="931" />
      <source>（视情提供）</source>
      <translation> (only if it applies)</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="937" />
      <source>无需提交，政府已有电子证照</source>
      <translation>nothing to bring, the government already holds it electronically</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="951" />
      <source>事项名称和编码</source>
      <translation>Service name and code</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="952" />
      <source>受理条件</source>
      <translation>Who can apply</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="953" />
      <source>办理流程</source>
      <translation>Procedure</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="954" />
      <source>设定依据</source>
      <translation>Legal basis</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="957" />
      <source>实施主体</source>
      <translation>Responsible office</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="959" />
      <source>中介服务</source>
      <translation>Intermediary services</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="961" />
      <source>常见问题：%1</source>
      <translation>FAQ: %1</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="970" />
      <source>无</source>
      <translation>None</translation>
    </message>
  </context>
  <context>
    <name>GuideListScreen</name>
    <message>
      <location filename="../screens/guide.py" line="601" />
      <source>事项目录正在准备，请稍候再试。</source>
      <translation>The list of services is being prepared; please try again shortly.</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="608" />
      <source>共 %1 项，点击查看办事指南</source>
      <translation>%1 services; tap one to read its guide</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="609" />
      <source>没有找到相关事项。请返回换个分类，或点击“呼叫工作人员”。</source>
      <translation>No services here. Go back and pick another category, or tap "Call staff".</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="611" />
      <source>（共 %1 项）</source>
      <translation> (%1 services)</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="620" />
      <source>搜索：%1</source>
      <translation>Search: %1</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="626" />
      <source>人生事项：%1</source>
      <translation>Life event: %1</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="627" />
      <source>部门：%1</source>
      <translation>Department: %1</translation>
    </message>
  </context>
  <context>
    <name>HelpDoneScreen</name>
    <message>
      <location filename="../screens/help.py" line="556" />
      <source>帮代办</source>
      <translation>Help with services</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="568" />
      <source>评价本次服务（好差评）</source>
      <translation>Rate this service</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="570" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="599" />
      <source>没有要提交的求助</source>
      <translation>No request to send</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="606" />
      <source>求助编号</source>
      <translation>Request number</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="606" />
      <source>本机编号</source>
      <translation>Local reference</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="610" />
      <source>正在提交，请稍候…</source>
      <translation>Sending, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="611" />
      <source>您的求助已保存在本机，正在上传。</source>
      <translation>Your request is saved on this kiosk and is being uploaded.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="612" />
      <source>正在保存您的求助…</source>
      <translation>Saving your request…</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="614" />
      <source>已提交</source>
      <translation>Sent</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="615" />
      <source>工作人员将在 %1 小时内（工作时间）打电话给您，请保持电话畅通。请记下或取走求助编号。</source>
      <translation>Staff will call you within %1 hours (working hours); please keep your phone on. Note down or take the request number.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="618" />
      <source>承办：%1</source>
      <translation>Handled by: %1</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="621" />
      <source>已保存，联网后自动上传</source>
      <translation>Saved; it uploads automatically when the network is back</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="622" />
      <source>网络暂时不通。您的求助已安全保存在本机，联网后自动上传，无需重新登记。上传后工作人员将在 %1 小时内（工作时间）打电话给您。</source>
      <translation>The network is down for now. Your request is safely saved on this kiosk and uploads automatically when the network is back; no need to ask again. Staff will call you within %1 hours (working hours) after that.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="625" />
      <source>没有提交成功</source>
      <translation>Not sent</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="626" />
      <source>服务中心没有接收这条求助。请点击右下角“呼叫工作人员”，并出示本机编号。</source>
      <translation>The service centre did not accept this request. Tap "Call staff" at the bottom right and show the local reference.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="628" />
      <source>没有保存成功</source>
      <translation>Not saved</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="629" />
      <source>本机暂时无法保存求助，您的信息没有提交。请点击右下角“呼叫工作人员”，或到服务台找工作人员。</source>
      <translation>This kiosk cannot save requests right now; nothing of yours was sent. Tap "Call staff" at the bottom right, or go to the service desk.</translation>
    </message>
  </context>
  <context>
    <name>HelpRequestScreen</name>
    <message>
      <location filename="../screens/help.py" line="314" />
      <source>帮代办</source>
      <translation>Help with services</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="315" />
      <source>工作人员免费帮您办理。说明需要什么帮助、留下电话，工作人员会联系您。</source>
      <translation>Our staff help you free of charge. Tell us what you need and leave a phone number; staff will contact you.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="318" />
      <source>1. 您需要哪种帮助？</source>
      <translation>1. What kind of help do you need?</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="320" />
      <source>帮办</source>
      <translation>Guided help</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="320" />
      <source>工作人员在大厅一对一指导您办理</source>
      <translation>Staff guide you one-to-one in the hall</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="321" />
      <source>代办</source>
      <translation>We do it for you</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="321" />
      <source>把材料交给工作人员，由他们替您办理</source>
      <translation>Hand your documents to the staff and they apply for you</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="322" />
      <location filename="../screens/help.py" line="459" />
      <source>上门代办</source>
      <translation>Home visit</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="322" />
      <source>老人、残疾人等行动不便，工作人员上门办理（需要刷身份证）</source>
      <translation>For the elderly, people with disabilities or anyone who cannot come: staff visit you at home (ID card needed)</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="339" />
      <source>2. 办什么事？</source>
      <translation>2. Which service?</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="344" />
      <source>3. 什么时间方便联系您？</source>
      <translation>3. When is a good time to contact you?</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="345" />
      <source>工作日上午</source>
      <translation>Weekday mornings</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="345" />
      <source>工作日下午</source>
      <translation>Weekday afternoons</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="346" />
      <source>周六、周日</source>
      <translation>Saturday or Sunday</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="346" />
      <source>什么时间都可以</source>
      <translation>Any time</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="347" />
      <source>方便的时间</source>
      <translation>Preferred time</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="348" />
      <source>可以不选：工作人员会先打电话和您约时间。</source>
      <translation>Optional: staff will call you first to agree on a time.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="354" />
      <source>4. 怎么联系您？</source>
      <translation>4. How can we reach you?</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="355" />
      <source>手机号码</source>
      <translation>Mobile number</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="356" />
      <source>工作人员会打这个号码联系您。</source>
      <translation>Staff will call you on this number.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="359" />
      <source>怎么称呼您</source>
      <translation>How should we address you?</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="360" />
      <source>例如：王阿姨、李先生。可以不填。</source>
      <translation>For example: Ms Wang, Mr Li. You may leave it empty.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="369" />
      <source>5. 上门地址</source>
      <translation>5. Address for the visit</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="370" />
      <source>工作人员上门的地址</source>
      <translation>Where staff should come</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="371" />
      <source>默认是身份证上的住址；住在别处请点“修改”。</source>
      <translation>The address on your ID card is used; if you live elsewhere, tap "Change".</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="375" />
      <source>年老体弱</source>
      <translation>Old age or frailty</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="375" />
      <source>残疾</source>
      <translation>Disability</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="375" />
      <source>患病或受伤</source>
      <translation>Illness or injury</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="376" />
      <source>其他原因</source>
      <translation>Other reason</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="377" />
      <source>不能来大厅的原因</source>
      <translation>Why you cannot come to the hall</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="388" />
      <source>提交求助</source>
      <translation>Send request</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="424" />
      <source>已核验身份：%1</source>
      <translation>Identity checked: %1</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="473" />
      <source>请选择需要哪种帮助。</source>
      <translation>Please choose the kind of help.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="475" />
      <source>请选择要办的事，不清楚可以点“其他事项”。</source>
      <translation>Please choose a service; if unsure, tap "Something else".</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="477" />
      <source>请填写正确的手机号码。</source>
      <translation>Please enter a valid mobile number.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="479" />
      <source>请填写上门地址。</source>
      <translation>Please enter the address for the visit.</translation>
    </message>
  </context>
  <context>
    <name>HomeScreen</name>
    <message>
      <location filename="../screens/home.py" line="27" />
      <source>您好，请选择要办理的事项</source>
      <translation>Hello! What would you like to do?</translation>
    </message>
    <message>
      <location filename="../screens/home.py" line="28" />
      <source>只进一扇门，最多跑一次</source>
      <translation>One door, at most one trip</translation>
    </message>
    <message>
      <location filename="../screens/home.py" line="37" />
      <source>建设中</source>
      <translation>Coming soon</translation>
    </message>
  </context>
  <context>
    <name>IdentifyScreen</name>
    <message>
      <location filename="../screens/identify.py" line="244" />
      <source>不同意</source>
      <translation>I do not agree</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="245" />
      <source>同意，开始读卡</source>
      <translation>I agree, read my card</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="291" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="293" />
      <location filename="../screens/identify.py" line="590" />
      <source>手动输入身份证号</source>
      <translation>Type my ID number</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="312" />
      <source>请输入您的姓名和18位公民身份号码（与身份证上一致）。</source>
      <translation>Enter your name and your 18-character ID number, exactly as on your ID card.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="313" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="317" />
      <source>公民身份号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="329" />
      <source>返回读卡</source>
      <translation>Back to the card reader</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="331" />
      <source>确认</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="350" />
      <source>您正在办理：%1</source>
      <translation>You are doing: %1</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="352" />
      <source>本次办理</source>
      <translation>this service</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="354" />
      <source>&lt;b&gt;读取哪些信息&lt;/b&gt;&lt;br&gt;姓名、性别、民族、出生日期、住址、公民身份号码、签发机关、有效期限。证件照片只在本机屏幕上显示，不保存、不上传。</source>
      <translation>&lt;b&gt;What is read&lt;/b&gt;&lt;br&gt;Name, sex, ethnic group, date of birth, address, ID number, issuing authority and validity period. The photo on the card is only shown on this screen; it is never stored or uploaded.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="356" />
      <source>&lt;b&gt;为什么读取&lt;/b&gt;&lt;br&gt;核实您的身份，并为“%1”自动填写表格，减少您手工输入。</source>
      <translation>&lt;b&gt;Why&lt;/b&gt;&lt;br&gt;To confirm who you are and fill in the form for "%1", so you type less.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="358" />
      <source>&lt;b&gt;保存多久&lt;/b&gt;&lt;br&gt;只在本次办理中使用；办理结束、离开或长时间无操作时，本机立即清除。</source>
      <translation>&lt;b&gt;How long it is kept&lt;/b&gt;&lt;br&gt;Only for this visit: this kiosk erases it as soon as you finish, leave, or stop using it for a while.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="360" />
      <source>&lt;b&gt;由谁处理&lt;/b&gt;&lt;br&gt;%1。只把办理所需的信息加密发送给该中心，不用于其他用途。</source>
      <translation>&lt;b&gt;Who processes it&lt;/b&gt;&lt;br&gt;%1. Only what your application needs is sent to it, encrypted, and used for nothing else.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="361" />
      <source>浏阳市政务服务中心</source>
      <translation>Liuyang Government Service Center</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="382" />
      <source>读取身份证前，请您知悉</source>
      <translation>Before we read your ID card</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="401" />
      <location filename="../screens/identify.py" line="503" />
      <source>请将身份证放在感应区</source>
      <translation>Place your ID card on the reader</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="420" />
      <source>感应区</source>
      <translation>Reader</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="464" />
      <source>您的证件已过期，请到窗口办理</source>
      <translation>Your ID card has expired. Please go to a service window.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="465" />
      <source>过期证件不能在自助机上办理。请取走证件；如有其他有效证件，可放在感应区。</source>
      <translation>Expired cards cannot be used at this kiosk. Please take your card; if you have another valid card, place it on the reader.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="478" />
      <source>无法识别此证件，请重新放置或到窗口办理</source>
      <translation>This card cannot be recognised. Place it again, or go to a service window.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="479" />
      <source>请取走证件，再平放到感应区。</source>
      <translation>Take the card off, then lay it flat on the reader again.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="481" />
      <source>感应区上已有一张证件</source>
      <translation>There is already a card on the reader</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="482" />
      <source>如果是您的证件，请拿起后重新放置；如果不是您的，请交给工作人员。</source>
      <translation>If it is yours, lift it and place it again; if it is not, please hand it to staff.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="484" />
      <source>读卡失败，请重新放置证件</source>
      <translation>The card could not be read. Please place it again.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="485" />
      <source>请把证件平放在感应区，读卡完成前不要移动。</source>
      <translation>Lay the card flat on the reader and keep it still until it has been read.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="504" />
      <source>请把证件平放在感应区，看到结果前不要移动。</source>
      <translation>Lay the card flat on the reader and keep it still until you see the result.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="521" />
      <source>正在等待读卡</source>
      <translation>Waiting for your card</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="542" />
      <source>读卡器暂时无法使用</source>
      <translation>The card reader is not available right now</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="546" />
      <source>请点击右下角“呼叫工作人员”，或到窗口办理。</source>
      <translation>Tap "Call staff" at the bottom right, or go to a service window.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="548" />
      <source>您也可以手动输入姓名和身份证号继续办理。</source>
      <translation>You can also type your name and ID number to continue.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="561" />
      <location filename="../screens/identify.py" line="562" />
      <source>身份核验成功</source>
      <translation>Identity confirmed</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="564" />
      <source>请取走您的证件，马上为您继续办理。</source>
      <translation>Please take your card. We will continue in a moment.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="565" />
      <source>马上为您继续办理。</source>
      <translation>We will continue in a moment.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="611" />
      <source>请输入姓名。</source>
      <translation>Please enter your name.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="612" />
      <source>身份证号码应为18位：前17位是数字，最后一位是数字或X。</source>
      <translation>An ID number has 18 characters: 17 digits, then a digit or X.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="613" />
      <source>身份证号码有误（校验位不符），请对照证件逐位核对后重新输入。</source>
      <translation>This ID number is not valid (its check digit does not match). Compare it with your card, character by character, and type it again.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="614" />
      <source>身份证号码中的出生日期无效，请核对后重新输入。</source>
      <translation>The date of birth inside this ID number is not valid. Please check it and type it again.</translation>
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
    <name>IntermediaryDetailScreen</name>
    <message>
      <location filename="../screens/intermediary.py" line="230" />
      <source>中介机构详情</source>
      <translation>Provider details</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="234" />
      <source>重试</source>
      <translation>Try again</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="242" />
      <location filename="../screens/intermediary.py" line="343" />
      <source>服务结束后，为这家机构评分</source>
      <translation>After the service, rate this provider</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="271" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="287" />
      <source>机构详情需要联网查询，网络暂时不通。请稍后点“重试”。</source>
      <translation>Provider details need the network, which is down for now. Tap "Try again" later.</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="299" />
      <source>%1 分 %2（%3 人评价）</source>
      <translation>%1 %2 (%3 ratings)</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="300" />
      <source>暂无评价</source>
      <translation>Not rated yet</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="306" />
      <source>收费标准：%1</source>
      <translation>Fees: %1</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="307" />
      <source>办理时限：%1 个工作日内</source>
      <translation>Time limit: within %1 working days</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="309" />
      <source>服务项目</source>
      <translation>Services</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="316" />
      <source>收费：%1</source>
      <translation>Fee: %1</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="317" />
      <source>时限：%1 个工作日内</source>
      <translation>Time limit: within %1 working days</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="318" />
      <source>条件：%1</source>
      <translation>Requirements: %1</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="320" />
      <source>流程：%1</source>
      <translation>Steps: %1</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="322" />
      <source>联系方式</source>
      <translation>Contact</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="328" />
      <source>电话：%1</source>
      <translation>Phone: %1</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="329" />
      <source>地址：%1</source>
      <translation>Address: %1</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="330" />
      <source>用手机扫描二维码，可保存电话和地址，无需手动输入。</source>
      <translation>Scan the QR code with your phone to save the phone number and address; no typing needed.</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="343" />
      <source>您本次已为这家机构评过分</source>
      <translation>You have already rated this provider</translation>
    </message>
  </context>
  <context>
    <name>IntermediaryRateScreen</name>
    <message>
      <location filename="../screens/intermediary.py" line="358" />
      <source>为中介机构评分</source>
      <translation>Rate a provider</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="365" />
      <source>您对这家机构的服务打几颗星？</source>
      <translation>How many stars for this provider's service?</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="366" />
      <source>很差</source>
      <translation>Very poor</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="366" />
      <source>较差</source>
      <translation>Poor</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="366" />
      <source>一般</source>
      <translation>Average</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="366" />
      <source>较好</source>
      <translation>Good</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="366" />
      <source>很好</source>
      <translation>Very good</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="379" />
      <source>说说您的感受（选填）</source>
      <translation>Tell us more (optional)</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="383" />
      <source>例如：出图快，收费透明。可以不填</source>
      <translation>E.g. fast drawings, clear fees. Optional</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="386" />
      <source>评分不需要刷身份证，不记名；每次使用只能为同一家机构评一次。</source>
      <translation>No ID card needed and anonymous; one rating per provider per visit.</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="392" />
      <source>提交评分</source>
      <translation>Send rating</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="395" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="410" />
      <source>您本次已为这家机构评过分，感谢您的参与。</source>
      <translation>You have already rated this provider on this visit. Thank you.</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="425" />
      <source>请先点选星级（1 到 5 颗星）。</source>
      <translation>Please tap a number of stars first (1 to 5).</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="430" />
      <source>评分需要联网，网络暂时不通，请稍后再试。</source>
      <translation>Rating needs the network, which is down for now. Please try again later.</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="440" />
      <source>正在提交，请稍候…</source>
      <translation>Sending, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="458" />
      <source>感谢您的评分！这家机构现在的评分是 %1 分（%2 人评价）。</source>
      <translation>Thank you! This provider is now rated %1 (%2 ratings).</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="451" />
      <source>评分没有提交成功：网络暂时不通。请稍后再点“提交评分”。</source>
      <translation>Your rating was not sent: the network is down. Tap "Send rating" again later.</translation>
    </message>
  </context>
  <context>
    <name>IntermediaryScreen</name>
    <message>
      <location filename="../screens/intermediary.py" line="94" />
      <source>中介超市</source>
      <translation>Intermediary services</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="95" />
      <source>测绘、评估、设计、检测等中介服务机构，公开收费标准和办理时限，您可以比较后自主选择。</source>
      <translation>Surveying, valuation, design, testing and other service providers, with published fees and time limits: compare them and choose freely.</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="106" />
      <source>重试</source>
      <translation>Try again</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="114" />
      <source>上一页</source>
      <translation>Previous</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="118" />
      <source>下一页</source>
      <translation>Next</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="148" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="164" />
      <source>中介超市需要联网查询，网络暂时不通。请稍后点“重试”，或点击右下角“呼叫工作人员”。办事指南等其他功能仍可使用。</source>
      <translation>The intermediary list needs the network, which is down for now. Tap "Try again" later, or tap "Call staff" at the bottom right. Service guides and other functions still work.</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="181" />
      <source>这一类暂时没有入驻的机构。</source>
      <translation>No providers in this category yet.</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="187" />
      <source>全部</source>
      <translation>All</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="199" />
      <source>%1 分 %2（%3 人评价）</source>
      <translation>%1 %2 (%3 ratings)</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="200" />
      <source>暂无评价</source>
      <translation>Not rated yet</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="204" />
      <source>收费：%1</source>
      <translation>Fee: %1</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="205" />
      <source>时限：%1 个工作日内</source>
      <translation>Time limit: within %1 working days</translation>
    </message>
    <message>
      <location filename="../screens/intermediary.py" line="211" />
      <source>第 %1 / %2 页</source>
      <translation>Page %1 of %2</translation>
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
      <location filename="../screens/identify.py" line="636" />
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
      <location filename="../screens/window.py" line="401" />
      <source>暂时无法呼叫，请到服务台找工作人员。</source>
      <translation>Cannot call staff right now. Please ask at the service desk.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="404" />
      <source>正在呼叫工作人员…</source>
      <translation>Calling staff…</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="406" />
      <source>已通知工作人员，请在原地稍候。</source>
      <translation>Staff have been called. Please wait here.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="407" />
      <source>呼叫没有送达，请到服务台找工作人员。</source>
      <translation>The call did not get through. Please ask at the service desk.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="411" />
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
    <name>MyAppointmentsScreen</name>
    <message>
      <location filename="../screens/appointment.py" line="520" />
      <location filename="../screens/appointment.py" line="547" />
      <source>我的预约</source>
      <translation>My appointments</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="547" />
      <source>预约签到</source>
      <translation>Appointment check-in</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="550" />
      <source>请先刷身份证。</source>
      <translation>Please place your ID card first.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="552" />
      <source>证件号码：%1</source>
      <translation>ID number: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="563" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="575" />
      <source>您今天没有可签到的预约。可以返回现场取号。</source>
      <translation>You have no appointment to check in today. Go back to take a queue ticket.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="577" />
      <source>没有查到您的预约。</source>
      <translation>No appointments found.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="601" />
      <source>预约编号：%1</source>
      <translation>Appointment number: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="604" />
      <source>确定要取消这个预约吗？取消后名额会让给别人。</source>
      <translation>Cancel this appointment? The place goes to someone else.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="606" />
      <source>确定取消</source>
      <translation>Yes, cancel</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="608" />
      <source>不取消</source>
      <translation>Keep it</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="617" />
      <source>签到取号</source>
      <translation>Check in, get a ticket</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="621" />
      <source>取消预约</source>
      <translation>Cancel appointment</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="638" />
      <source>正在取消，请稍候…</source>
      <translation>Cancelling, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="645" />
      <source>预约已取消。</source>
      <translation>The appointment is cancelled.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="658" />
      <source>正在签到，请稍候…</source>
      <translation>Checking in, please wait…</translation>
    </message>
  </context>
  <context>
    <name>Pager</name>
    <message>
      <location filename="../screens/widgets.py" line="136" />
      <source>上一页</source>
      <translation>Previous</translation>
    </message>
    <message>
      <location filename="../screens/widgets.py" line="137" />
      <source>下一页</source>
      <translation>Next</translation>
    </message>
    <message>
      <location filename="../screens/widgets.py" line="158" />
      <source>第 %1 / %2 页</source>
      <translation>Page %1 of %2</translation>
    </message>
  </context>
  <context>
    <name>QueueTicketScreen</name>
    <message>
      <location filename="../screens/appointment.py" line="696" />
      <source>现场取号</source>
      <translation>Take a queue ticket</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="712" />
      <source>完成</source>
      <translation>Done</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="714" />
      <source>评价本次服务（好差评）</source>
      <translation>Rate this service</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="729" />
      <source>本机不能现场取号，请到服务大厅的取号机取号。</source>
      <translation>This kiosk does not issue queue tickets. Please use the ticket machine in a service hall.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="732" />
      <source>正在查询，请稍候…</source>
      <translation>Looking it up, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="745" />
      <source>本机所在地点没有取号服务，请咨询工作人员。</source>
      <translation>There is no queue service at this site. Please ask staff.</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="758" />
      <source>请选择要办理的业务，取一个排队号：</source>
      <translation>Choose the service to take a queue number:</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="765" />
      <source>等候 %1 人</source>
      <translation>%1 waiting</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="781" />
      <source>正在取号，请稍候…</source>
      <translation>Taking a number, please wait…</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="798" />
      <source>您的排队号</source>
      <translation>Your queue number</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="800" />
      <source>预约签到 · 优先叫号</source>
      <translation>Appointment check-in · called first</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="804" />
      <source>办理业务：%1</source>
      <translation>Service: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="805" />
      <source>办理窗口：%1</source>
      <translation>Window: %1</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="806" />
      <source>前面还有 %1 人等候</source>
      <translation>%1 people ahead of you</translation>
    </message>
    <message>
      <location filename="../screens/appointment.py" line="807" />
      <source>请留意叫号屏幕和语音提示。</source>
      <translation>Watch the calling screen and listen for your number.</translation>
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
    <name>ServicePicker</name>
    <message>
      <location filename="../screens/help.py" line="165" />
      <source>重新选择</source>
      <translation>Choose again</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="173" />
      <source>输入名称或拼音首字母，如 ylbx</source>
      <translation>Name or pinyin initials, e.g. ylbx</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="182" />
      <source>其他事项，或说不清楚（请工作人员帮忙确认）</source>
      <translation>Something else, or not sure (staff will help you find out)</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="224" />
      <source>其他事项（到时与工作人员确认）</source>
      <translation>Something else (to be settled with the staff)</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="248" />
      <source>事项目录正在加载，请稍候再试。</source>
      <translation>The list of services is loading. Please try again in a moment.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="258" />
      <source>搜索结果</source>
      <translation>Search results</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="258" />
      <source>没有找到，换个说法试试。</source>
      <translation>Nothing found. Try other words.</translation>
    </message>
    <message>
      <location filename="../screens/help.py" line="260" />
      <source>常办事项（也可以在上面输入名称查找）</source>
      <translation>Common services (or type a name above to search)</translation>
    </message>
  </context>
  <context>
    <name>TextField</name>
    <message>
      <location filename="../screens/form_fields.py" line="239" />
      <source>例：2026-12-01</source>
      <translation>e.g. 2026-12-01</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="241" />
      <source>年-月-日，也可直接输入 8 位数字，如 20261201</source>
      <translation>Year-month-day, or just 8 digits such as 20261201</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="244" />
      <source>11 位手机号码</source>
      <translation>11-digit mobile number</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="254" />
      <source>修改</source>
      <translation>Change</translation>
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="264" />
      <source>已从身份证读取：%1</source>
      <translation>From your ID card: %1</translation>
    </message>
  </context>
  <context>
    <name>TopBar</name>
    <message>
      <location filename="../screens/bars.py" line="30" />
      <source>演示工具</source>
      <translation>Demo tools</translation>
    </message>
    <message>
      <location filename="../screens/bars.py" line="48" />
      <source>标准模式</source>
      <translation>Standard view</translation>
    </message>
    <message>
      <location filename="../screens/bars.py" line="48" />
      <source>长辈模式</source>
      <translation>Large text</translation>
    </message>
  </context>
  <context>
    <name>Voice</name>
    <message>
      <location filename="../voice.py" line="21" />
      <source>请将身份证放在感应区</source>
      <translation>Please place your ID card on the reader</translation>
    </message>
    <message>
      <location filename="../voice.py" line="22" />
      <source>请取走您的回执</source>
      <translation>Please take your receipt</translation>
    </message>
    <message>
      <location filename="../voice.py" line="23" />
      <source>本次办理即将结束，如需更多时间，请点击继续办理</source>
      <translation>Your session is about to end. Tap continue if you need more time</translation>
    </message>
    <message>
      <location filename="../voice.py" line="24" />
      <source>您的申请已提交</source>
      <translation>Your application has been submitted</translation>
    </message>
  </context>
</TS>