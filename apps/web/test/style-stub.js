// Jest stand-in for imported stylesheets: a CSS module's class names come back as their own keys.
export default new Proxy({}, { get: (_target, key) => (typeof key === 'string' ? key : undefined) });
