/** The server's version, as `GET /meta` and the OpenAPI document report it (from package.json). */
import packageJson from '../../package.json';

/** The package version. */
export const SERVER_VERSION: string = packageJson.version;
