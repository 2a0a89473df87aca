export { render, prerender, FactboxError, VERSION as version };
