/**
 * How long a browser step may take before a test fails. Generous on purpose: CI shares two cores
 * between Chromium, the server and PostgreSQL, and a slow step is not a broken one.
 */
export const UI_TIMEOUT = 20_000;
