/**
 * `prepack` of the repository: the folder itself is not the npm package (its dependencies include the Support
 * API's runtime, which a host app must not install). The package is dist/package-root, written by `npm run build`.
 */
console.error(
  [
    'This folder is the repository, not the npm package: its dependencies include the Support API\'s runtime.',
    'Pack or publish the widget package from dist/package-root:',
    '  npm run build && npm pack ./dist/package-root',
    '  npm run build && npm publish ./dist/package-root',
  ].join('\n'),
);
process.exit(1);
