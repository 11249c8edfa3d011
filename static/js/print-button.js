// The decision note's print button: shown only when JavaScript can print (without it, Ctrl+P).
document.querySelectorAll(".js-print").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
