'use strict';
// What udx uses of undici, for the bundle only: undici's index also loads fetch, WebSocket,
// caches, mocks and interceptors (about 1 MB of a 2 MB bundle, parsed at every start).
// source/api calls dispatcher.request(), which undici's index installs on Dispatcher: so do we.
const Dispatcher = require('../node_modules/undici/lib/dispatcher/dispatcher.js');
const api = require('../node_modules/undici/lib/api/index.js');
Object.assign(Dispatcher.prototype, api);
const Agent = require('../node_modules/undici/lib/dispatcher/agent.js');
const EnvHttpProxyAgent = require('../node_modules/undici/lib/dispatcher/env-http-proxy-agent.js');
const errors = require('../node_modules/undici/lib/core/errors.js');

module.exports = {Agent, Dispatcher, EnvHttpProxyAgent, errors};
