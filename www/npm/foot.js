export { render, FactboxError, VERSION as version };
