// Tells the page around an iframe how tall the embed is, so the page can size the frame with no
// scroll bar. Posts two widely understood shapes on every size change:
//   { type: 'resize', source: 'pat-fence', height, width }  (the "{ height }" / "type: resize" family)
//   ['setHeight', height]                                    (the array form some listeners use)
// Only sizes are sent, so the target origin can be '*'.

export function reportHeight(node: HTMLElement): { destroy(): void } {
  const parent = globalThis.parent;
  if (!parent || parent === globalThis.window) return { destroy() {} };
  let last = -1;
  const send = () => {
    const height = Math.ceil(node.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const width = Math.ceil(node.getBoundingClientRect().width);
    parent.postMessage({ type: 'resize', source: 'pat-fence', height, width }, '*');
    parent.postMessage(['setHeight', height], '*');
  };
  const observer = new ResizeObserver(send);
  observer.observe(node);
  send();
  return { destroy: () => observer.disconnect() };
}
