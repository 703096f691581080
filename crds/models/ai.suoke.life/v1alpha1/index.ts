export * from "./AIModel.js";
export * from "./ModelVersion.js";
export * from "./ModelRegistry.js";
