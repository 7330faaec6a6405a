export { handleRequest as default, handleError } from '@heard/ui/remix/entry.server';
