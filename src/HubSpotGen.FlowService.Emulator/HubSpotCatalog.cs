using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// What the emulator knows about HubSpot: its connection spec (the only one it serves) and the tables an
/// explore of a HubSpot connection shows. Ids, names and the auth spec are the documented ones; the tables
/// are the documented ones, not HubSpot's full catalog.
/// </summary>
internal static class HubSpotCatalog
{
    public const string SpecId = "cc6a4487-9e91-433e-a3a3-9cf6626c1806";
    public const string SpecVersion = "1.0";
    public const string ProviderId = "0ed90a81-07f4-4586-8190-b40eccef1c5a";
    public const string AuthSpecName = "Basic Authentication";

    /// <summary>The auth params in spec order; all are required, and all but the client id are passwords.</summary>
    private static readonly string[] AuthParams = ["clientId", "clientSecret", "accessToken", "refreshToken"];

    /// <summary>
    /// The tables Adobe's HubSpot tutorials show, with their documented names (equal to their paths) and the
    /// documented Contacts columns; the other columns, and how many rows each table holds, are the emulator's
    /// sample. Contacts and Blog_Comments have exactly one date-time column, All_Deals two and Blog_Authors none,
    /// so a client's choice of a delta column meets all three cases.
    /// </summary>
    private static readonly Table[] Tables =
    [
        new("Hubspot.Contacts", 25,
        [
            Long("Vid"), Long("Portal_Id"), DateTime("Added_At"), Text("Properties_Firstname_Value"),
            Text("Properties_Lastname_Value"), Text("Properties_Email_Value"), Text("Properties_Company_Value"),
        ]),
        new("Hubspot.All_Deals", 12,
        [
            Long("Deal_Id"), Long("Portal_Id"), Boolean("Is_Deleted"), Text("Properties_Dealname_Value"),
            Number("Properties_Amount_Value"), DateTime("Properties_Createdate_Value"), DateTime("Properties_Closedate_Value"),
        ]),
        new("Hubspot.Blog_Authors", 3,
        [
            Long("Id"), Long("Portal_Id"), Text("Full_Name"), Text("Email"), Text("Slug"),
        ]),
        new("Hubspot.Blog_Comments", 8,
        [
            Long("Id"), Long("Portal_Id"), Long("Content_Id"), Text("Comment"), Text("User_Name"), DateTime("Created_At"),
        ]),
    ];

    public static bool IsKnownSpec(string id) => string.Equals(SandboxStore.NormalizeId(id), SpecId, StringComparison.Ordinal);

    /// <summary>True when <paramref name="path"/> is a table that explore lists.</summary>
    public static bool IsKnownTable(string path) => Find(path) is not null;

    /// <summary>How many rows the table holds, which is what a run of a flow reading it counts.</summary>
    public static int RowCount(string path) => Find(path)?.Rows ?? 0;

    /// <summary>The column names of the table, in explore's order; empty for an unknown path.</summary>
    public static IReadOnlyList<string> ColumnNames(string path) =>
        Find(path)?.Columns.Select(column => (string)column["name"]!).ToList() ?? [];

    /// <summary>The connection spec item, shaped as the spec's <c>ConnectionSpec</c> schema.</summary>
    public static JObject Spec()
    {
        var properties = new JObject();
        foreach (var name in AuthParams)
        {
            var property = new JObject { ["type"] = "string" };
            if (name != "clientId")
            {
                property["format"] = "password";
            }

            properties[name] = property;
        }

        return new JObject
        {
            ["id"] = SpecId,
            ["name"] = "hubspot",
            ["providerId"] = ProviderId,
            ["version"] = SpecVersion,
            ["description"] = "HubSpot CRM and marketing data, served by the Flow Service emulator.",
            ["type"] = "CRM",
            ["authSpec"] = new JArray
            {
                new JObject
                {
                    ["name"] = AuthSpecName,
                    ["type"] = AuthSpecName,
                    ["spec"] = new JObject
                    {
                        ["$schema"] = "http://json-schema.org/draft-07/schema#",
                        ["type"] = "object",
                        ["description"] = "The HubSpot app's client id and secret and an OAuth access and refresh token.",
                        ["properties"] = properties,
                        ["required"] = new JArray(AuthParams),
                    },
                },
            },
            ["attributes"] = new JObject { ["category"] = "CRM" },
        };
    }

    /// <summary>
    /// What is wrong with <paramref name="authParams"/> under the auth spec, or null when nothing is. Only key
    /// names appear in the answer, never a value.
    /// </summary>
    public static string? ParamsProblem(JToken? authParams)
    {
        if (authParams is not JObject values)
        {
            return "auth.params must be a JSON object.";
        }

        foreach (var property in values.Properties())
        {
            if (Array.IndexOf(AuthParams, property.Name) < 0)
            {
                return $"auth.params has the key '{property.Name}', which the auth spec '{AuthSpecName}' does not define.";
            }
        }

        foreach (var name in AuthParams)
        {
            var value = values[name];
            if (value is null || value.Type == JTokenType.Null)
            {
                return $"auth.params.{name} is required by the auth spec '{AuthSpecName}'.";
            }

            if (value.Type != JTokenType.String || string.IsNullOrWhiteSpace((string?)value))
            {
                return $"auth.params.{name} must be a non-empty string.";
            }
        }

        return null;
    }

    /// <summary>The tables at <c>objectType=root</c>, shaped as the spec's <c>ExploreItem</c>.</summary>
    public static JArray RootObjects()
    {
        var items = new JArray();
        foreach (var table in Tables)
        {
            items.Add(new JObject
            {
                ["type"] = "table",
                ["name"] = table.Path,
                ["path"] = table.Path,
                ["canPreview"] = true,
                ["canFetchSchema"] = true,
            });
        }

        return items;
    }

    /// <summary>The table description at <c>objectType=table</c>, shaped as the spec's <c>ExploreTable</c>; null for an unknown path.</summary>
    public static JObject? TableDescription(string path)
    {
        if (Find(path) is not { } table)
        {
            return null;
        }

        var columns = new JArray();
        foreach (var column in table.Columns)
        {
            columns.Add(column.DeepClone());
        }

        return new JObject { ["format"] = "flat", ["schema"] = new JObject { ["columns"] = columns } };
    }

    private static Table? Find(string path) => Array.Find(Tables, table => string.Equals(table.Path, path, StringComparison.Ordinal));

    private static JObject Text(string name) =>
        new() { ["name"] = name, ["type"] = "string", ["xdm"] = new JObject { ["type"] = "string" } };

    // HubSpot ids are 64-bit; the XDM bounds are JavaScript's safe integer range, as Platform writes them.
    private static JObject Long(string name) =>
        new()
        {
            ["name"] = name,
            ["type"] = "long",
            ["xdm"] = new JObject { ["type"] = "integer", ["minimum"] = -9007199254740991L, ["maximum"] = 9007199254740991L },
        };

    private static JObject Number(string name) =>
        new() { ["name"] = name, ["type"] = "double", ["xdm"] = new JObject { ["type"] = "number" } };

    private static JObject DateTime(string name) =>
        new()
        {
            ["name"] = name,
            ["type"] = "string",
            ["xdm"] = new JObject { ["type"] = "string", ["format"] = "date-time" },
            ["meta:xdmType"] = "date-time",
        };

    private static JObject Boolean(string name) =>
        new() { ["name"] = name, ["type"] = "boolean", ["xdm"] = new JObject { ["type"] = "boolean" } };

    /// <summary>A table: its path (HubSpot tables are named by their path), how many rows it holds, and its columns.</summary>
    private sealed record Table(string Path, int Rows, JObject[] Columns);
}
