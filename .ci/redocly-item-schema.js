// OpenAPI 3.2's `itemSchema` (the schema of each event of a text/event-stream) is written `x-itemSchema` in this
// 3.1 document. This tells Redocly that the extension holds a Schema, so it resolves and checks what it refers to.
module.exports = function itemSchemaPlugin() {
  return {
    id: 'item-schema',
    typeExtension: {
      oas3(types) {
        return {
          ...types,
          MediaType: {
            ...types.MediaType,
            properties: { ...types.MediaType.properties, 'x-itemSchema': 'Schema' },
          },
        };
      },
    },
  };
};
