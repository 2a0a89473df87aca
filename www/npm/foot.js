export { render, prerender, check, hydrate, FactboxError, VERSION as version };
