// A static export (out/), so that the test serves it as files. Nothing for factbox.
export default { output: 'export' };
