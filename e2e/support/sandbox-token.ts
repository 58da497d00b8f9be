/** The e2e server's sandbox runs with a control token, as `npm run setup` configures production-like installs. */
export const E2E_SANDBOX_TOKEN = "e2e-sandbox-control-token";
