export * from './server/grpc-server.js';
export { addService, serviceNameOf } from './server/add-service.js';
export * from './credentials/credential-service-impl.js';
export * from './inference/inference-service-impl.js';
export * from './auth/auth-middleware.js';
export * from './errors/error-middleware.js';
// Generated integration.v1 messages, the service definitions and client types
// (CredentialServiceDefinition/Client, InferenceServiceDefinition/Client), so callers (and
// end-to-end tests) can build clients with nice-grpc's createClient.
export * from './generated/integration/v1/credentials.js';
export * from './generated/integration/v1/inference.js';
export { descriptorSet } from './generated/descriptor-set.js';
