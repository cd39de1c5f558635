export * from './invoker-statements';
