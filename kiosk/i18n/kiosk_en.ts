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
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="383" />
      <source>重新选择乡镇（街道）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="385" />
      <source>列表中没有我的村（社区）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="392" />
      <location filename="../screens/form_fields.py" line="480" />
      <source>门牌号、组号（只需填写这一部分）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="396" />
      <source>例：石塘组12号</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="469" />
      <source>修改</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="471" />
      <source>地区列表暂时无法获取，请直接填写完整地址。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="472" />
      <source>重试选择</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="475" />
      <source>请先点“选择地址”，选乡镇（街道）和村（社区）。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="476" />
      <source>重新选择</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="480" />
      <source>完整地址</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="491" />
      <source>正在加载地区列表，请稍候…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="491" />
      <source>请选择乡镇（街道）：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="538" />
      <source>正在加载村（社区）列表…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="539" />
      <source>%1：请选择村（社区）：</source>
      <translation type="unfinished" />
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
    <name>ApplyConfirmScreen</name>
    <message>
      <location filename="../screens/apply.py" line="959" />
      <source>核对并提交</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="960" />
      <source>确认提交</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="962" />
      <source>以下是您本人的完整信息，仅在此页显示，请核对。如有错误请点“返回”修改。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="973" />
      <source>请先刷身份证。请返回首页重新开始。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="976" />
      <source>办理事项</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="977" />
      <source>事项</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="977" />
      <source>部门</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="978" />
      <source>申请人</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="980" />
      <source>姓名</source>
      <translation type="unfinished">Name</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="980" />
      <source>性别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="981" />
      <source>出生日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="981" />
      <source>证件号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="982" />
      <source>手机号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="983" />
      <source>常住地址</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="995" />
      <source>申请内容</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1001" />
      <source>无需提交（政府已有电子证照）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1003" />
      <source>请携带原件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1003" />
      <source>请携带%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1005" />
      <source>申请材料</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1008" />
      <source>领取方式</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1010" />
      <source>免费邮寄</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1012" />
      <source>窗口领取</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1012" />
      <source>办理部门通知</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ApplyDeliveryScreen</name>
    <message>
      <location filename="../screens/apply.py" line="822" />
      <source>选择领取方式</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="823" />
      <source>下一步：核对信息</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="872" />
      <source>办理结果：%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="874" />
      <source>这个事项的结果不需要领取（会直接发放或通知您）。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="880" />
      <source>到窗口领取</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="888" />
      <source>免费邮寄到家</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="889" />
      <source>免费邮寄（邮费由政府承担）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="894" />
      <source>邮寄地址</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="895" />
      <source>默认寄到身份证上的住址，可以修改</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="938" />
      <source>请填写完整的邮寄地址。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ApplyDoneScreen</name>
    <message>
      <location filename="../screens/apply.py" line="1052" />
      <source>提交申请</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1061" />
      <source>请为本次服务评价（好差评）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1064" />
      <source>完成</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1164" />
      <source>正在提交，请稍候…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1165" />
      <source>您的申请已保存在本机，正在上传。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1166" />
      <source>正在保存您的申请…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1168" />
      <source>已提交</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1169" />
      <source>办件编号如上，请取走回执。凭办件编号和手机号后 4 位可查询进度。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1171" />
      <source>已保存，联网后自动上传</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1172" />
      <source>网络暂时不通。您的申请已安全保存在本机，联网后自动上传，无需重新办理。
本机编号如上，请保管好回执；上传后可凭身份证查询到正式办件编号。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1175" />
      <source>没有提交成功</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1176" />
      <source>办理系统没有接收这份申请（内容不符合要求）。请点击右下角“呼叫工作人员”，并出示本机编号。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1179" />
      <source>没有保存成功</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="1180" />
      <source>本机暂时无法保存申请，您的信息没有提交。请点击右下角“呼叫工作人员”，或到窗口办理。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ApplyFormScreen</name>
    <message>
      <location filename="../screens/apply.py" line="516" />
      <source>填写申请表</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="517" />
      <source>下一步：核对材料</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="535" />
      <source>请先刷身份证。请返回首页重新开始。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="546" />
      <source>身份证信息（已自动读取，无需填写）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="548" />
      <source>姓名</source>
      <translation type="unfinished">Name</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="549" />
      <source>性别</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="550" />
      <source>证件号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="551" />
      <source>出生日期</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="552" />
      <source>住址</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="552" />
      <source>（证件上没有住址）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="554" />
      <source>请补充以下信息</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="556" />
      <source>手机号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="557" />
      <source>用于接收办理进度短信，查询办件时核对后 4 位</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="559" />
      <source>常住地址（到村组、门牌）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="560" />
      <source>先选乡镇（街道）和村（社区），再填门牌号</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="643" />
      <source>还有 %1 项需要填写或修改，请看红字提示。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ApplyMaterialsScreen</name>
    <message>
      <location filename="../screens/apply.py" line="670" />
      <source>核对申请材料</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="671" />
      <source>下一步：选择领取方式</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="679" />
      <source>打印一次性告知单</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="698" />
      <location filename="../screens/apply.py" line="700" />
      <source>无需提交（政府已有电子证照）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="702" />
      <source>需要您带来的材料</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="707" />
      <source>这个事项不需要您提交纸质材料。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="725" />
      <source>（如适用）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="726" />
      <source>%1 %2 份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="729" />
      <source>我有，会带来</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="729" />
      <source>需要，我会带来</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="730" />
      <source>我没有</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="730" />
      <source>不需要</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="762" />
      <source>请携带原件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="762" />
      <source>请携带%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="765" />
      <source>补正后再来</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="768" />
      <source>不需要提交</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="776" />
      <source>缺少必需的材料：%1。
请备齐后再来办理（补正后再来）。可以打印一次性告知单，上面列出全部需要补齐的材料，下次来一次就能办。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ApplyStartScreen</name>
    <message>
      <location filename="../screens/apply.py" line="385" />
      <location filename="../screens/apply.py" line="428" />
      <location filename="../screens/apply.py" line="437" />
      <source>我要办</source>
      <translation type="unfinished">Apply</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="386" />
      <source>选择要办理的事项。办理时需要刷您本人的居民身份证。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="389" />
      <source>输入事项名称或拼音首字母，如 lnr（老年人）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="405" />
      <source>先看办事指南</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="409" />
      <source>开始办理（请准备身份证）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="440" />
      <source>下一步请刷身份证。表格会用身份证上的信息自动填好，您只需补充缺少的几项。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="467" />
      <source>事项目录正在加载，请稍候再试。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="471" />
      <source>搜索结果</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="471" />
      <source>没有找到可以在这里申请的事项，换个说法试试。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="473" />
      <source>常办事项</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="485" />
      <source>本终端暂时不能读取身份证，请到窗口办理，或点击右下角“呼叫工作人员”。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="488" />
      <source>办理申请</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>ApplyStep</name>
    <message>
      <location filename="../screens/apply.py" line="278" />
      <source>填写</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="278" />
      <source>材料</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="278" />
      <source>领取</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="278" />
      <source>确认</source>
      <translation type="unfinished">Confirm</translation>
    </message>
    <message>
      <location filename="../screens/apply.py" line="280" />
      <source>第 %1 步，共 4 步：</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="310" />
      <source>正在读取办事指南，请稍候…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="324" />
      <source>暂时无法读取这个事项的申请表（网络不通，本机也没有保存）。
您可以稍后再试，或点击右下角“呼叫工作人员”。</source>
      <translation type="unfinished" />
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
    <name>ChoiceField</name>
    <message>
      <location filename="../screens/form_fields.py" line="308" />
      <source>可多选</source>
      <translation type="unfinished" />
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
      <location filename="../screens/guide.py" line="368" />
      <source>%1 项</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>DemoPanel</name>
    <message>
      <location filename="../screens/demo_panel.py" line="34" />
      <source>演示工具</source>
      <translation>Demo tools</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="37" />
      <source>仅用于演示和培训：模拟设备和网络的各种情况。正式运行时不显示。</source>
      <translation>For demos and training only: simulate device and network situations. Not shown in normal operation.</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="50" />
      <source>模拟刷卡（合成的示例证件）</source>
      <translation>Simulate a card (synthetic sample cards)</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="63" />
      <source>设备和网络</source>
      <translation>Devices and network</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="66" />
      <source>取走卡片</source>
      <translation>Remove the card</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="81" />
      <source>关闭</source>
      <translation>Close</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="100" />
      <source>居民身份证</source>
      <translation>ID card</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="100" />
      <source>港澳台居民居住证</source>
      <translation>HK/Macao/Taiwan permit</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="101" />
      <source>外国人永久居留身份证</source>
      <translation>Foreigner's PR card</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="109" />
      <source>（无法识别）</source>
      <translation> (unreadable)</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="111" />
      <source>（已过期）</source>
      <translation> (expired)</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="134" />
      <source>模拟读卡器断开</source>
      <translation>Unplug the card reader</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="134" />
      <source>恢复读卡器连接</source>
      <translation>Plug the card reader back in</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="137" />
      <source>恢复打印纸</source>
      <translation>Refill the printer paper</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="137" />
      <source>模拟打印机缺纸</source>
      <translation>Printer out of paper</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="140" />
      <source>中心服务切换中…</source>
      <translation>Central service switching…</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="143" />
      <source>停止中心服务</source>
      <translation>Stop the central service</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="143" />
      <source>启动中心服务</source>
      <translation>Start the central service</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="144" />
      <location filename="../screens/demo_panel.py" line="161" />
      <location filename="../screens/demo_panel.py" line="189" />
      <source>读卡器模拟器</source>
      <translation>card reader simulator</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="144" />
      <location filename="../screens/demo_panel.py" line="202" />
      <source>打印机模拟器</source>
      <translation>printer simulator</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="145" />
      <location filename="../screens/demo_panel.py" line="211" />
      <source>内置中心服务</source>
      <translation>embedded central service</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="146" />
      <source>未运行：%1</source>
      <translation>Not running: %1</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="156" />
      <source>%1未运行，无法模拟。</source>
      <translation>The %1 is not running; nothing to simulate.</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="217" />
      <source>中心服务已启动</source>
      <translation>The central service is running again</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="217" />
      <source>中心服务已停止：现在可以演示离线办理</source>
      <translation>The central service is stopped: you can now show offline use</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="218" />
      <source>正在启动中心服务…</source>
      <translation>Starting the central service…</translation>
    </message>
    <message>
      <location filename="../screens/demo_panel.py" line="218" />
      <source>正在停止中心服务…</source>
      <translation>Stopping the central service…</translation>
    </message>
  </context>
  <context>
    <name>FormField</name>
    <message>
      <location filename="../screens/form_fields.py" line="165" />
      <source>（必填）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="165" />
      <source>（选填）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="204" />
      <source>请填写此项。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="206" />
      <source>手机号码应为 11 位数字，以 1 开头（例如 13812345678）。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="208" />
      <source>请填写数字（例如 3 或 1200）。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="210" />
      <source>请按“年-月-日”填写日期，例如 2026-12-01。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="212" />
      <source>请点选一项。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="214" />
      <source>内容太长，最多 %1 个字。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="216" />
      <source>格式不对，应为：%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="217" />
      <source>格式不对，请检查。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>Guide</name>
    <message>
      <location filename="../screens/guide.py" line="47" />
      <source>个人办事</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="47" />
      <source>法人办事</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="48" />
      <source>村上办</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="48" />
      <source>镇上办</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="49" />
      <source>最多跑一次</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="50" />
      <source>全程网办</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="51" />
      <source>按人生事项</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="51" />
      <source>个人/法人</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="52" />
      <source>本站能办</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="52" />
      <source>按部门</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuideBrowseScreen</name>
    <message>
      <location filename="../screens/guide.py" line="452" />
      <source>办事指南</source>
      <translation type="unfinished">Guides</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="457" />
      <source>输入事项名称、拼音或首字母，如：社保、bdc</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="458" />
      <source>输入要办的事，如：社保</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="461" />
      <source>清空</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="532" />
      <source>事项目录正在准备，请稍候…（如长时间没有出现，请点击“呼叫工作人员”）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="603" />
      <source>没有找到“%1”。可以换个说法（如“社保”“身份证”），或清空后按分类查找。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="612" />
      <source>查看全部搜索结果</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="615" />
      <source>拼音搜索正在准备，请先输入汉字。</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuideDetailScreen</name>
    <message>
      <location filename="../screens/guide.py" line="757" />
      <location filename="../screens/guide.py" line="1080" />
      <source>办事指南</source>
      <translation type="unfinished">Guides</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="772" />
      <source>能办到什么</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="772" />
      <source>办理结果及送达方式</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="773" />
      <source>要跑几次</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="773" />
      <source>到现场次数</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="774" />
      <source>要多长时间</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="774" />
      <source>办理时限</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="775" />
      <source>要不要钱</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="775" />
      <source>收费标准及依据</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="776" />
      <source>要带什么材料</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="776" />
      <source>申请材料</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="777" />
      <source>在哪里办</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="777" />
      <source>办理地点</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="778" />
      <source>什么时间办</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="778" />
      <source>办理时间</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="779" />
      <source>有问题打电话</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="779" />
      <source>咨询电话 / 监督投诉电话</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="805" />
      <source>更多信息</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="818" />
      <source>用手机扫描二维码，把这份办事指南带走</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="823" />
      <source>收起</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="832" />
      <source>打印办事指南</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="834" />
      <source>扫码带走</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="836" />
      <source>我要办</source>
      <translation type="unfinished">Apply</translation>
    </message>
    <message>
      <location filename="../screens/guide.py" line="871" />
      <source>事项目录正在准备，请稍候再试，或点击“呼叫工作人员”。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="874" />
      <source>没有找到这个事项（可能已调整）。请返回重新查找。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="884" />
      <location filename="../screens/guide.py" line="921" />
      <source>这个事项暂无详细办事指南。请拨打咨询电话或到服务窗口咨询，也可以点击“呼叫工作人员”。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="890" />
      <source>%1 · 事项编码 %2</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="904" />
      <source>正在获取办事指南，请稍候…</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="931" />
      <source>这份办事指南还没有保存在本机，查看需要联网，现在网络不通。
您可以稍后再试，或返回查看其他事项的办事指南，也可以点击“呼叫工作人员”。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="944" />
      <source>见办理流程</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="946" />
      <source>零跑动</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="946" />
      <source>全程网上办理，不用到现场</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="948" />
      <source>最多跑一次</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="948" />
      <source>材料带齐，到现场一次即可办好</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="950" />
      <source>到现场 %1 次</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="956" />
      <source>即办，当场办结</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="957" />
      <source>承诺 %1 个工作日</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="958" />
      <source>法定时限 %1 个工作日</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="959" />
      <source>法定时限：无明确规定</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="962" />
      <source>不收费</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="964" />
      <source>依据：%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="968" />
      <source>监督投诉：%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="983" />
      <source>不需要提交材料</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="985" />
      <source>需要带 %1 样，%2 样不用带</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="986" />
      <source>需要带 %1 样</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="988" />
      <source>%1 %2 份</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="991" />
      <source>（视情提供）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="997" />
      <source>无需提交，政府已有电子证照</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="1011" />
      <source>事项名称和编码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="1012" />
      <source>受理条件</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="1013" />
      <source>办理流程</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="1014" />
      <source>设定依据</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="1017" />
      <source>实施主体</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="1019" />
      <source>中介服务</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="1021" />
      <source>常见问题：%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="1030" />
      <source>无</source>
      <translation type="unfinished" />
    </message>
  </context>
  <context>
    <name>GuideListScreen</name>
    <message>
      <location filename="../screens/guide.py" line="662" />
      <source>事项目录正在准备，请稍候再试。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="669" />
      <source>共 %1 项，点击查看办事指南</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="670" />
      <source>没有找到相关事项。请返回换个分类，或点击“呼叫工作人员”。</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="672" />
      <source>（共 %1 项）</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="681" />
      <source>搜索：%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="687" />
      <source>人生事项：%1</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="688" />
      <source>部门：%1</source>
      <translation type="unfinished" />
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
    <name>IdentifyScreen</name>
    <message>
      <location filename="../screens/identify.py" line="218" />
      <source>不同意</source>
      <translation>I do not agree</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="219" />
      <source>同意，开始读卡</source>
      <translation>I agree, read my card</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="252" />
      <source>取消</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="254" />
      <location filename="../screens/identify.py" line="532" />
      <source>手动输入身份证号</source>
      <translation>Type my ID number</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="268" />
      <source>请输入您的姓名和18位公民身份号码（与身份证上一致）。</source>
      <translation>Enter your name and your 18-character ID number, exactly as on your ID card.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="269" />
      <source>姓名</source>
      <translation>Name</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="273" />
      <source>公民身份号码</source>
      <translation>ID number</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="285" />
      <source>返回读卡</source>
      <translation>Back to the card reader</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="287" />
      <source>确认</source>
      <translation>Confirm</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="300" />
      <source>您正在办理：%1</source>
      <translation>You are doing: %1</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="302" />
      <source>本次办理</source>
      <translation>this service</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="304" />
      <source>&lt;b&gt;读取哪些信息&lt;/b&gt;&lt;br&gt;姓名、性别、民族、出生日期、住址、公民身份号码、签发机关、有效期限。证件照片只在本机屏幕上显示，不保存、不上传。</source>
      <translation>&lt;b&gt;What is read&lt;/b&gt;&lt;br&gt;Name, sex, ethnic group, date of birth, address, ID number, issuing authority and validity period. The photo on the card is only shown on this screen; it is never stored or uploaded.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="306" />
      <source>&lt;b&gt;为什么读取&lt;/b&gt;&lt;br&gt;核实您的身份，并为“%1”自动填写表格，减少您手工输入。</source>
      <translation>&lt;b&gt;Why&lt;/b&gt;&lt;br&gt;To confirm who you are and fill in the form for “%1”, so you type less.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="308" />
      <source>&lt;b&gt;保存多久&lt;/b&gt;&lt;br&gt;只在本次办理中使用；办理结束、离开或长时间无操作时，本机立即清除。</source>
      <translation>&lt;b&gt;How long it is kept&lt;/b&gt;&lt;br&gt;Only for this visit: this kiosk erases it as soon as you finish, leave, or stop using it for a while.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="310" />
      <source>&lt;b&gt;由谁处理&lt;/b&gt;&lt;br&gt;%1。只把办理所需的信息加密发送给该中心，不用于其他用途。</source>
      <translation>&lt;b&gt;Who processes it&lt;/b&gt;&lt;br&gt;%1. Only what your application needs is sent to it, encrypted, and used for nothing else.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="311" />
      <source>浏阳市政务服务中心</source>
      <translation>Liuyang Government Service Center</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="331" />
      <source>读取身份证前，请您知悉</source>
      <translation>Before we read your ID card</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="350" />
      <location filename="../screens/identify.py" line="448" />
      <source>请将身份证放在感应区</source>
      <translation>Place your ID card on the reader</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="368" />
      <source>感应区</source>
      <translation>Reader</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="412" />
      <source>您的证件已过期，请到窗口办理</source>
      <translation>Your ID card has expired. Please go to a service window.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="413" />
      <source>过期证件不能在自助机上办理。请取走证件；如有其他有效证件，可放在感应区。</source>
      <translation>Expired cards cannot be used at this kiosk. Please take your card; if you have another valid card, place it on the reader.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="426" />
      <source>无法识别此证件，请重新放置或到窗口办理</source>
      <translation>This card cannot be recognised. Place it again, or go to a service window.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="427" />
      <source>请取走证件，再平放到感应区。</source>
      <translation>Take the card off, then lay it flat on the reader again.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="429" />
      <source>读卡失败，请重新放置证件</source>
      <translation>The card could not be read. Please place it again.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="430" />
      <source>请把证件平放在感应区，读卡完成前不要移动。</source>
      <translation>Lay the card flat on the reader and keep it still until it has been read.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="449" />
      <source>请把证件平放在感应区，看到结果前不要移动。</source>
      <translation>Lay the card flat on the reader and keep it still until you see the result.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="466" />
      <source>正在等待读卡</source>
      <translation>Waiting for your card</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="487" />
      <source>读卡器暂时无法使用</source>
      <translation>The card reader is not available right now</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="491" />
      <source>请点击右下角“呼叫工作人员”，或到窗口办理。</source>
      <translation>Tap “Call staff” at the bottom right, or go to a service window.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="493" />
      <source>您也可以手动输入姓名和身份证号继续办理。</source>
      <translation>You can also type your name and ID number to continue.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="506" />
      <location filename="../screens/identify.py" line="507" />
      <source>身份核验成功</source>
      <translation>Identity confirmed</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="509" />
      <source>请取走您的证件，马上为您继续办理。</source>
      <translation>Please take your card. We will continue in a moment.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="510" />
      <source>马上为您继续办理。</source>
      <translation>We will continue in a moment.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="553" />
      <source>请输入姓名。</source>
      <translation>Please enter your name.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="554" />
      <source>身份证号码应为18位：前17位是数字，最后一位是数字或X。</source>
      <translation>An ID number has 18 characters: 17 digits, then a digit or X.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="555" />
      <source>身份证号码有误（校验位不符），请对照证件逐位核对后重新输入。</source>
      <translation>This ID number is not valid (its check digit does not match). Compare it with your card, character by character, and type it again.</translation>
    </message>
    <message>
      <location filename="../screens/identify.py" line="556" />
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
      <location filename="../screens/identify.py" line="578" />
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
      <location filename="../screens/window.py" line="235" />
      <source>暂时无法呼叫，请到服务台找工作人员。</source>
      <translation>Cannot call staff right now. Please ask at the service desk.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="238" />
      <source>正在呼叫工作人员…</source>
      <translation>Calling staff…</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="240" />
      <source>已通知工作人员，请在原地稍候。</source>
      <translation>Staff have been called. Please wait here.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="241" />
      <source>呼叫没有送达，请到服务台找工作人员。</source>
      <translation>The call did not get through. Please ask at the service desk.</translation>
    </message>
    <message>
      <location filename="../screens/window.py" line="245" />
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
    <name>Pager</name>
    <message>
      <location filename="../screens/guide.py" line="398" />
      <source>上一页</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="399" />
      <source>下一页</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/guide.py" line="419" />
      <source>第 %1 / %2 页</source>
      <translation type="unfinished" />
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
    <name>TextField</name>
    <message>
      <location filename="../screens/form_fields.py" line="239" />
      <source>例：2026-12-01</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="241" />
      <source>年-月-日，也可直接输入 8 位数字，如 20261201</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="244" />
      <source>11 位手机号码</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="254" />
      <source>修改</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/form_fields.py" line="264" />
      <source>已从身份证读取：%1</source>
      <translation type="unfinished" />
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
      <location filename="../voice.py" line="20" />
      <source>请将身份证放在感应区</source>
      <translation>Please place your ID card on the reader</translation>
    </message>
    <message>
      <location filename="../voice.py" line="21" />
      <source>请取走您的回执</source>
      <translation>Please take your receipt</translation>
    </message>
    <message>
      <location filename="../voice.py" line="22" />
      <source>本次办理即将结束，如需更多时间，请点击继续办理</source>
      <translation>Your session is about to end. Tap continue if you need more time</translation>
    </message>
    <message>
      <location filename="../voice.py" line="23" />
      <source>您的申请已提交</source>
      <translation>Your application has been submitted</translation>
    </message>
  </context>
  <context>
    <name>screen</name>
    <message>
      <location filename="../screens/apply.py" line="658" />
      <source>男</source>
      <translation type="unfinished" />
    </message>
    <message>
      <location filename="../screens/apply.py" line="658" />
      <source>女</source>
      <translation type="unfinished" />
    </message>
  </context>
</TS>