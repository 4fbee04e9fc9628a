// A small on-screen Pinyin keyboard (preedit + candidate bar) and screen navigation, enough to be a fair
// web peer of the kiosk's Qt Virtual Keyboard; ?auto walks home -> guide (search) -> form (keyboard shown).
const DICT = { lao: "老老佬", nian: "年念粘", ren: "人任认", you: "有优又", dai: "待代带", zheng: "证正政",
  ban: "办半班", li: "理里力", sha: "沙杀", shi: "市是事", zhen: "镇真", chi: "赤吃", ma: "马妈", cun: "村存" };
const NAMES = ["老年人优待证办理", "居民身份证换领", "城乡居民养老保险参保登记", "残疾人证办理", "临时救助申请",
  "城乡居民医疗保险参保登记", "生育登记", "户口迁移", "不动产登记", "营业执照办理"];
let target = null, preedit = "";
function go(id) {
  document.querySelectorAll(".screen").forEach(s => s.classList.toggle("active", s.id === id));
  document.getElementById("kbd").hidden = true;
}
document.addEventListener("click", e => { const b = e.target.closest("[data-go]"); if (b) go(b.dataset.go); });
const keys = document.getElementById("keys");
for (const k of "qwertyuiopasdfghjkl⌫zxcvbnm，。空格") {
  const b = document.createElement("button"); b.textContent = k; keys.appendChild(b);
  b.addEventListener("click", () => press(k));
}
function press(k) {
  if (!target) return;
  if (k === "⌫") { preedit ? preedit = preedit.slice(0, -1) : target.value = target.value.slice(0, -1); }
  else if (/[a-z]/.test(k)) preedit += k; else target.value += k === "空格" ? " " : k;
  render(); target.dispatchEvent(new Event("input"));
}
function render() {
  document.getElementById("preedit").textContent = preedit;
  const c = document.getElementById("cands"); c.innerHTML = "";
  for (const ch of DICT[preedit] || "") {
    const b = document.createElement("button"); b.textContent = ch; c.appendChild(b);
    b.addEventListener("click", () => { target.value += ch; preedit = ""; render(); target.dispatchEvent(new Event("input")); });
  }
}
document.querySelectorAll(".field").forEach(f => f.addEventListener("focus", () => {
  target = f; document.getElementById("kbd").hidden = false; }));
document.getElementById("search").addEventListener("input", e => {
  const q = e.target.value; const ul = document.getElementById("results"); ul.innerHTML = "";
  for (const n of NAMES.filter(n => q && n.includes(q))) { const li = document.createElement("li"); li.textContent = n; ul.appendChild(li); }
});
setInterval(() => { document.getElementById("clock").textContent = new Date().toLocaleTimeString("zh-CN"); }, 1000);
if (location.search.includes("auto")) {
  const steps = [() => go("guide"), () => document.getElementById("search").focus(),
    () => { for (const k of "lao") press(k); }, () => document.querySelector("#cands button").click(),
    () => go("form"), () => document.getElementById("address").focus(),
    () => { for (const k of "sha") press(k); }, () => document.querySelector("#cands button").click(),
    () => { document.title = "done"; }];
  steps.forEach((s, i) => setTimeout(s, 300 * (i + 1)));
}
