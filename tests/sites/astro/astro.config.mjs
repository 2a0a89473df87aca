// Nothing for factbox: `astro build` prerenders with the package's Node build and bundles
// its browser build (and wasm) for the page's script.
export default {};
