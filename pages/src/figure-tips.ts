/**
 * A figure's tip opens where it can be read: fixed to the window beside its figure, so that
 * a table's own scroller never clips it (the last rows' tips were cut off), and kept inside
 * the window's width. Without this script the tip still opens, positioned by the style sheet.
 */
const gap = 4;
const edge = 8;

function place(figure: HTMLElement): void {
  const tip = figure.querySelector<HTMLElement>(":scope > .tip");
  if (!tip) return;
  const anchor = figure.getBoundingClientRect();
  tip.style.position = "fixed";
  tip.style.right = "auto";
  tip.style.marginTop = "0";
  tip.style.left = "0px";
  tip.style.top = "0px";
  const { width, height } = tip.getBoundingClientRect();
  const left = Math.max(edge, Math.min(anchor.left, window.innerWidth - width - edge));
  // Below the figure when it fits there, else above it.
  const below = anchor.bottom + gap;
  const top =
    below + height <= window.innerHeight - edge || anchor.top - gap - height < edge ? below : anchor.top - gap - height;
  tip.style.left = `${left}px`;
  tip.style.top = `${top}px`;
}

let active: HTMLElement | null = null;

function open(target: EventTarget | null): void {
  const figure = target instanceof Element ? target.closest<HTMLElement>(".figure") : null;
  if (!figure) return;
  active = figure;
  place(figure);
}

export function enableFigureTips(root: Document = document): void {
  root.addEventListener("mouseover", (event) => open(event.target));
  root.addEventListener("focusin", (event) => open(event.target));
  // A tip that is open follows its figure when the page or a table scrolls.
  root.addEventListener("scroll", () => active && active.matches(":hover, :focus, :focus-within") && place(active), {
    capture: true,
    passive: true,
  });
  window.addEventListener("resize", () => active && place(active));
}
