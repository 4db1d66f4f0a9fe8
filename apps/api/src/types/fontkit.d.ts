/** fontkit ships no types; the API only parses fonts with it, to hand them to pdfkit. */
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
