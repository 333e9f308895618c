/**
 * A whole dashboard as one PNG or a PDF, made in the browser (docs/adr/0051): html-to-image draws
 * the dashboard's element — its title and filters as set, every widget as shown (ECharts' SVG
 * charts, tables, pivots, notes) — on a canvas, with the system's fonts, so Chinese renders as on
 * screen; jsPDF cuts that picture into A4 landscape pages. Both load only when someone exports.
 */

/** Elements marked with this attribute (the toolbar's buttons) are left out of the picture. */
export const EXPORT_SKIP = 'data-export-skip';

/** Canvases past ~16k pixels a side fail in Chromium and Safari: a very tall dashboard is drawn at a lower ratio. */
const MAX_SIDE_PX = 16_000;

/** The dashboard's element drawn on a canvas on white, twice the screen's size where that fits (`pixelRatio`: canvas pixels per screen pixel). */
export async function dashboardCanvas(element: HTMLElement): Promise<{ canvas: HTMLCanvasElement; pixelRatio: number }> {
  const { toCanvas } = await import('html-to-image');
  const { width, height } = element.getBoundingClientRect();
  const pixelRatio = Math.max(0.5, Math.min(2, MAX_SIDE_PX / Math.max(width, height, 1)));
  const canvas = await toCanvas(element, {
    backgroundColor: '#ffffff',
    pixelRatio,
    // The app's fonts are the system's (antd's stack, CJK included): nothing to fetch and embed.
    skipFonts: true,
    filter: (node) => !(node instanceof HTMLElement && node.hasAttribute(EXPORT_SKIP)),
  });
  return { canvas, pixelRatio };
}

const blobOf = (canvas: HTMLCanvasElement, type: string, quality?: number) =>
  new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`${type} encoding failed`))), type, quality));

/** White space around the PNG's picture, in screen pixels: a board pasted into a slide or a mail does not touch its frame. */
const PNG_MARGIN_PX = 24;

/** The picture on a white sheet with a margin (the PDF has its page margins instead). */
export function dashboardPng(canvas: HTMLCanvasElement, pixelRatio: number): Promise<Blob> {
  const margin = Math.round(PNG_MARGIN_PX * pixelRatio);
  const sheet = document.createElement('canvas');
  sheet.width = canvas.width + 2 * margin;
  sheet.height = canvas.height + 2 * margin;
  const context = sheet.getContext('2d');
  if (!context) throw new Error('canvas 2d unavailable');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, sheet.width, sheet.height);
  context.drawImage(canvas, margin, margin);
  return blobOf(sheet, 'image/png');
}

/** Page size and margin of the PDF, in millimetres (A4 landscape: dashboards are wide). */
const PAGE = { width: 297, height: 210, margin: 10 } as const;

/**
 * The picture as A4 landscape pages: scaled to the page's width, cut into page-tall slices, one
 * slice per page as a JPEG (a PNG of a full page of charts is several times larger).
 */
export async function dashboardPdf(canvas: HTMLCanvasElement, title: string): Promise<Blob> {
  const { jsPDF } = await import('jspdf');
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  pdf.setProperties({ title });
  const innerWidth = PAGE.width - 2 * PAGE.margin;
  const innerHeight = PAGE.height - 2 * PAGE.margin;
  const pxPerMm = canvas.width / innerWidth;
  const sliceHeight = Math.floor(innerHeight * pxPerMm);
  const slice = document.createElement('canvas');
  slice.width = canvas.width;
  const context = slice.getContext('2d');
  if (!context) throw new Error('canvas 2d unavailable');
  for (let top = 0, page = 0; top < canvas.height; top += sliceHeight, page += 1) {
    const height = Math.min(sliceHeight, canvas.height - top);
    slice.height = height;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, slice.width, height);
    context.drawImage(canvas, 0, top, canvas.width, height, 0, 0, canvas.width, height);
    if (page > 0) pdf.addPage();
    pdf.addImage(slice.toDataURL('image/jpeg', 0.92), 'JPEG', PAGE.margin, PAGE.margin, innerWidth, height / pxPerMm);
  }
  return pdf.output('blob');
}
