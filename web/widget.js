/*
 * Trợ lý Dịch vụ công — web chat widget.
 * Embed on a portal page with one tag:
 *   <script src="https://<host>/widget.js" data-server="https://<rasa-host>" defer></script>
 * Talks to Rasa's REST channel (POST {server}/webhooks/rest/webhook).
 * Bot text is always rendered as text (textContent); only http(s) links become clickable.
 */
(function () {
  "use strict";
  var script = document.currentScript || document.querySelector("script[data-server]");
  var SERVER = ((script && script.getAttribute("data-server")) || "http://localhost:5005").replace(/\/+$/, "");
  var STORE = "tldvc-widget-v1";
  var T = {
    title: "Trợ lý Dịch vụ công",
    open: "Mở trợ lý Dịch vụ công",
    close: "Đóng cửa sổ trò chuyện",
    placeholder: "Nhập câu hỏi, ví dụ: làm lại căn cước cần gì?",
    send: "Gửi",
    typing: "Trợ lý đang trả lời…",
    privacy: "Trợ lý tự động hướng dẫn thủ tục hành chính. Không nhập mật khẩu, mã OTP, số thẻ ngân hàng. " +
      "Nội dung trò chuyện được lưu để trả lời và cải thiện dịch vụ, số điện thoại và số định danh được che trước khi lưu.",
    agree: "Tôi đã hiểu, bắt đầu",
    offline: "Không kết nối được máy chủ trợ lý. Anh/Chị kiểm tra mạng rồi thử lại, hoặc gọi tổng đài hỗ trợ.",
    you: "Anh/Chị",
    bot: "Trợ lý",
    log: "Nội dung trò chuyện"
  };

  function load() {
    try { return JSON.parse(window.localStorage.getItem(STORE)) || {}; } catch (e) { return {}; }
  }
  function save(state) {
    try { window.localStorage.setItem(STORE, JSON.stringify(state)); } catch (e) { /* private mode */ }
  }
  var state = load();
  if (!state.sender) {
    state.sender = "web-" + Math.random().toString(36).slice(2) + Date.now().toString(36);
  }
  state.messages = state.messages || [];
  save(state);

  var css = [
    ".tldvc-launch{position:fixed;right:16px;bottom:16px;z-index:2147483000;border:0;border-radius:28px;",
    "padding:14px 18px;background:#b71c1c;color:#fff;font:600 16px/1.2 system-ui,sans-serif;cursor:pointer}",
    ".tldvc-launch:focus-visible,.tldvc-panel button:focus-visible,.tldvc-panel textarea:focus-visible{outline:3px solid #ffb300;outline-offset:2px}",
    ".tldvc-panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;width:min(380px,calc(100vw - 16px));",
    "height:min(600px,calc(100vh - 32px));display:flex;flex-direction:column;background:#fff;color:#1a1a1a;",
    "border-radius:12px;box-shadow:0 8px 32px rgba(0,0,0,.25);font:16px/1.45 system-ui,sans-serif;overflow:hidden}",
    ".tldvc-panel[hidden]{display:none}",
    "@media (max-width:480px){.tldvc-panel{right:0;bottom:0;width:100vw;height:100vh;border-radius:0}}",
    ".tldvc-head{display:flex;align-items:center;justify-content:space-between;padding:10px 14px;background:#b71c1c;color:#fff}",
    ".tldvc-head h2{margin:0;font-size:17px}",
    ".tldvc-head button{background:transparent;border:0;color:#fff;font-size:22px;cursor:pointer;min-width:44px;min-height:44px}",
    ".tldvc-log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:8px;background:#fafafa}",
    ".tldvc-msg{max-width:85%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}",
    ".tldvc-bot{align-self:flex-start;background:#fff;border:1px solid #ddd}",
    ".tldvc-user{align-self:flex-end;background:#ffebee}",
    ".tldvc-error{align-self:stretch;background:#fff3e0;border:1px solid #ef6c00}",
    ".tldvc-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}",
    ".tldvc-buttons{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start}",
    ".tldvc-buttons button{border:1px solid #b71c1c;background:#fff;color:#b71c1c;border-radius:16px;padding:8px 12px;",
    "font:inherit;font-size:15px;cursor:pointer;min-height:44px}",
    ".tldvc-typing{font-style:italic;color:#555;padding:0 12px 6px}",
    ".tldvc-form{display:flex;gap:6px;padding:8px;border-top:1px solid #ddd}",
    ".tldvc-form textarea{flex:1;resize:none;font:inherit;padding:8px;border:1px solid #999;border-radius:8px;min-height:44px}",
    ".tldvc-form button{border:0;background:#b71c1c;color:#fff;border-radius:8px;padding:0 16px;font:inherit;min-height:44px;cursor:pointer}",
    ".tldvc-privacy{padding:16px;display:flex;flex-direction:column;gap:12px}",
    ".tldvc-privacy button{align-self:flex-start;border:0;background:#b71c1c;color:#fff;border-radius:8px;padding:10px 16px;font:inherit;cursor:pointer}"
  ].join("");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  // Text with only http(s) links made clickable; everything else stays text.
  function renderText(node, text) {
    var pattern = /https?:\/\/[^\s<>"']+/g, last = 0, match;
    text = String(text || "");
    while ((match = pattern.exec(text)) !== null) {
      var url = match[0].replace(/[.,;:!?)]+$/, "");
      node.appendChild(document.createTextNode(text.slice(last, match.index)));
      var link = el("a", { href: url, target: "_blank", rel: "noopener noreferrer nofollow" }, url);
      node.appendChild(link);
      last = match.index + url.length;
      pattern.lastIndex = last;
    }
    node.appendChild(document.createTextNode(text.slice(last)));
  }

  var style = el("style"); style.textContent = css; document.head.appendChild(style);
  var launch = el("button", { type: "button", "class": "tldvc-launch", "aria-haspopup": "dialog",
    "aria-controls": "tldvc-panel", "aria-expanded": "false" }, "💬 " + T.title);
  launch.setAttribute("aria-label", T.open);
  var panel = el("section", { id: "tldvc-panel", "class": "tldvc-panel", role: "dialog",
    "aria-modal": "false", "aria-labelledby": "tldvc-title" });
  panel.hidden = true;
  var head = el("div", { "class": "tldvc-head" });
  head.appendChild(el("h2", { id: "tldvc-title" }, T.title));
  var closeButton = el("button", { type: "button", "aria-label": T.close }, "×");
  head.appendChild(closeButton);
  var log = el("div", { "class": "tldvc-log", role: "log", "aria-live": "polite", "aria-label": T.log, tabindex: "0" });
  var typing = el("div", { "class": "tldvc-typing", role: "status", "aria-live": "polite" });
  var form = el("form", { "class": "tldvc-form" });
  var label = el("label", { "for": "tldvc-input", "class": "tldvc-sr" }, T.placeholder);
  var input = el("textarea", { id: "tldvc-input", rows: "1", placeholder: T.placeholder, maxlength: "2000" });
  var sendButton = el("button", { type: "submit" }, T.send);
  form.appendChild(label); form.appendChild(input); form.appendChild(sendButton);
  panel.appendChild(head); panel.appendChild(log); panel.appendChild(typing); panel.appendChild(form);
  document.body.appendChild(launch); document.body.appendChild(panel);

  function scroll() { log.scrollTop = log.scrollHeight; }

  function show(message, persist) {
    var who = message.from === "user" ? T.you : T.bot;
    if (message.text) {
      var bubble = el("div", { "class": "tldvc-msg " + (message.from === "user" ? "tldvc-user" : message.error ? "tldvc-error" : "tldvc-bot") });
      bubble.appendChild(el("span", { "class": "tldvc-sr" }, who + ": "));
      renderText(bubble, message.text);
      log.appendChild(bubble);
    }
    if (message.buttons && message.buttons.length) {
      var group = el("div", { "class": "tldvc-buttons", role: "group" });
      message.buttons.forEach(function (button) {
        var choice = el("button", { type: "button" }, String(button.title || ""));
        choice.addEventListener("click", function () { send(String(button.payload || button.title || ""), String(button.title || "")); });
        group.appendChild(choice);
      });
      log.appendChild(group);
    }
    if (persist) { state.messages.push(message); state.messages = state.messages.slice(-100); save(state); }
    scroll();
  }

  function send(payload, shown) {
    var text = (shown || payload || "").trim();
    if (!text) { return; }
    show({ from: "user", text: text }, true);
    typing.textContent = T.typing;
    sendButton.disabled = true;
    var request = new XMLHttpRequest();
    request.open("POST", SERVER + "/webhooks/rest/webhook");
    request.setRequestHeader("Content-Type", "application/json");
    request.timeout = 30000;
    function done(ok, replies) {
      typing.textContent = "";
      sendButton.disabled = false;
      if (!ok) { show({ from: "bot", text: T.offline, error: true }, false); return; }
      replies.forEach(function (reply) {
        show({ from: "bot", text: reply.text || "", buttons: reply.buttons || [] }, true);
      });
    }
    request.onload = function () {
      var replies = null;
      try { replies = JSON.parse(request.responseText); } catch (e) { replies = null; }
      done(request.status === 200 && Array.isArray(replies), replies || []);
    };
    request.onerror = request.ontimeout = function () { done(false, []); };
    request.send(JSON.stringify({ sender: state.sender, message: payload }));
  }

  function start() {
    log.textContent = "";
    if (!state.agreed) {
      var notice = el("div", { "class": "tldvc-privacy" });
      notice.appendChild(el("p", {}, T.privacy));
      var agree = el("button", { type: "button" }, T.agree);
      agree.addEventListener("click", function () {
        state.agreed = true; save(state); notice.remove(); form.hidden = false; input.focus();
      });
      notice.appendChild(agree);
      log.appendChild(notice);
      form.hidden = true;
      agree.focus();
      return;
    }
    form.hidden = false;
    state.messages.forEach(function (message) { show(message, false); });
    input.focus();
  }

  function open() { panel.hidden = false; launch.hidden = true; launch.setAttribute("aria-expanded", "true"); start(); state.open = true; save(state); }
  function close() { panel.hidden = true; launch.hidden = false; launch.setAttribute("aria-expanded", "false"); state.open = false; save(state); launch.focus(); }

  launch.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", function (event) { if (event.key === "Escape") { close(); } });
  form.addEventListener("submit", function (event) { event.preventDefault(); var value = input.value; input.value = ""; send(value); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit")); }
  });
  if (state.open) { open(); }
})();
