export * as aiSuokeLife from "./ai.suoke.life/index.js";
