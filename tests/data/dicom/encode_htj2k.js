const factory = require(process.argv[2] || './node_modules/@cornerstonejs/codec-openjph/dist/openjphjs.js');
const fs = require('fs');
factory().then(m => {
  const w = 16, h = 12;
  const enc = new m.HTJ2KEncoder();
  const fi = {width: w, height: h, bitsPerSample: 16, componentCount: 1, isSigned: true, isUsingColorTransform: false};
  const buf = enc.getDecodedBuffer(fi);
  const px = new Int16Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) px[y * w + x] = (x * 100 + y * 7) - 1000;
  new Uint8Array(buf.buffer, buf.byteOffset, buf.length).set(new Uint8Array(px.buffer));
  enc.setQuality(true, 0);
  enc.encode();
  const out = enc.getEncodedBuffer();
  fs.writeFileSync('frame.j2c', Buffer.from(out));
  console.log('encoded', out.length, buf.length);
});
