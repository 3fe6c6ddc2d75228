using System.Globalization;
using System.Text;

namespace HubSpotGen.Benchmarks.Generation;

/// <summary>
/// Writes a deterministic OpenAPI 3.0 document with <c>n</c> operations and about <c>n</c> schemas, to see
/// how generation cost grows with the size of a spec. Its shapes are the ones the Flow Service spec uses
/// (path, query and header parameters, shared parameters and responses by $ref, JSON bodies, objects that
/// refer to each other, arrays, maps, a string enum), so that both generators take every part of it.
/// </summary>
internal static class SyntheticSpec
{
    /// <summary>Operations that make the spec about 10 MB, the size of the large vendor specs (1,000 are about 1.7 MB).</summary>
    public const int TenMegabyteOperations = 6000;

    /// <summary><c>synthetic-N</c> for N operations, or <c>synthetic-10mb</c>.</summary>
    public static string ForName(string name) =>
        Create(name == "synthetic-10mb" ? TenMegabyteOperations : int.Parse(name.Substring("synthetic-".Length), CultureInfo.InvariantCulture));

    /// <summary>The spec text; the same <paramref name="operationCount"/> always gives the same text.</summary>
    public static string Create(int operationCount)
    {
        var yaml = new StringBuilder(operationCount * 1400);
        yaml.Append("openapi: 3.0.3\n");
        yaml.Append("info:\n  title: Synthetic API\n  version: '1.0'\n");
        yaml.Append("servers:\n  - url: https://api.example.com/v1\n");
        yaml.Append("paths:\n");
        for (var i = 0; i < operationCount; i++)
        {
            var id = Number(i);
            if (i % 2 == 0)
            {
                yaml.Append("  /resources/r").Append(id).Append("/{itemId}:\n");
                yaml.Append("    get:\n");
                yaml.Append("      operationId: getItem").Append(id).Append('\n');
                yaml.Append("      summary: Get item ").Append(id).Append('\n');
                yaml.Append("      description: Reads one item of kind ").Append(id).Append(" by its identifier.\n");
                yaml.Append("      parameters:\n");
                yaml.Append("        - $ref: '#/components/parameters/ItemId'\n");
                yaml.Append("        - $ref: '#/components/parameters/Limit'\n");
                yaml.Append("        - name: filter\n          in: query\n          required: false\n          description: Filter expression.\n          schema:\n            type: string\n");
                yaml.Append("        - name: x-request-id\n          in: header\n          required: false\n          schema:\n            type: string\n");
                yaml.Append("      responses:\n");
                yaml.Append("        '200':\n          description: The item.\n          content:\n            application/json:\n              schema:\n");
                yaml.Append("                $ref: '#/components/schemas/Item").Append(id).Append("'\n");
                yaml.Append("        '400':\n          $ref: '#/components/responses/BadRequest'\n");
                yaml.Append("        '404':\n          $ref: '#/components/responses/NotFound'\n");
            }
            else
            {
                yaml.Append("  /resources/r").Append(id).Append(":\n");
                yaml.Append("    post:\n");
                yaml.Append("      operationId: createItem").Append(id).Append('\n');
                yaml.Append("      summary: Create item ").Append(id).Append('\n');
                yaml.Append("      description: Creates one item of kind ").Append(id).Append(".\n");
                yaml.Append("      requestBody:\n        required: true\n        content:\n          application/json:\n            schema:\n");
                yaml.Append("              $ref: '#/components/schemas/Item").Append(id).Append("'\n");
                yaml.Append("      responses:\n");
                yaml.Append("        '201':\n          description: The created item.\n          content:\n            application/json:\n              schema:\n");
                yaml.Append("                $ref: '#/components/schemas/Item").Append(id).Append("'\n");
                yaml.Append("        '400':\n          $ref: '#/components/responses/BadRequest'\n");
            }
        }

        yaml.Append("components:\n");
        yaml.Append("  parameters:\n");
        yaml.Append("    ItemId:\n      name: itemId\n      in: path\n      required: true\n      description: Identifier of the item.\n      schema:\n        type: string\n        format: uuid\n");
        yaml.Append("    Limit:\n      name: limit\n      in: query\n      required: false\n      description: Largest number of entries to return.\n      schema:\n        type: integer\n        format: int32\n");
        yaml.Append("  responses:\n");
        yaml.Append("    BadRequest:\n      description: The request is invalid.\n      content:\n        application/json:\n          schema:\n            $ref: '#/components/schemas/ErrorBody'\n");
        yaml.Append("    NotFound:\n      description: No such item.\n      content:\n        application/json:\n          schema:\n            $ref: '#/components/schemas/ErrorBody'\n");
        yaml.Append("  schemas:\n");
        yaml.Append("    ErrorBody:\n      type: object\n      properties:\n        code:\n          type: string\n        message:\n          type: string\n        status:\n          type: integer\n          format: int32\n");
        yaml.Append("    ItemStatus:\n      type: string\n      enum:\n        - active\n        - archived\n        - deleted\n");
        for (var i = 0; i < operationCount; i++)
        {
            var id = Number(i);
            yaml.Append("    Item").Append(id).Append(":\n");
            yaml.Append("      type: object\n");
            yaml.Append("      description: Item of kind ").Append(id).Append(".\n");
            yaml.Append("      required:\n        - id\n        - name\n");
            yaml.Append("      properties:\n");
            yaml.Append("        id:\n          type: string\n          format: uuid\n          description: Identifier.\n");
            yaml.Append("        name:\n          type: string\n          description: Display name.\n");
            yaml.Append("        count:\n          type: integer\n          format: int32\n");
            yaml.Append("        total:\n          type: integer\n          format: int64\n");
            yaml.Append("        price:\n          type: number\n          format: double\n");
            yaml.Append("        active:\n          type: boolean\n");
            yaml.Append("        createdAt:\n          type: string\n          format: date-time\n");
            yaml.Append("        tags:\n          type: array\n          items:\n            type: string\n");
            yaml.Append("        status:\n          $ref: '#/components/schemas/ItemStatus'\n");
            yaml.Append("        related:\n          $ref: '#/components/schemas/Item").Append(Number((i + 1) % operationCount)).Append("'\n");
            yaml.Append("        children:\n          type: array\n          items:\n            $ref: '#/components/schemas/Item").Append(Number((i + 7) % operationCount)).Append("'\n");
            yaml.Append("        attributes:\n          type: object\n          additionalProperties:\n            type: string\n");
        }

        return yaml.ToString();
    }

    private static string Number(int value) => value.ToString("D4", CultureInfo.InvariantCulture);
}
