/** House formatting: wide lines (tables of data read better), single quotes. */
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
};
