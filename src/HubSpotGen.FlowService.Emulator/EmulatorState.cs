using System.Globalization;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// What the emulator holds, as JSON: per sandbox its base, source and target connections, mapping sets, the
/// datasets a test added and its flows, with every connection's secrets masked. <c>GET /__emulator/state</c>
/// shows it; the state file adds where each flow's schedule stands, so that a restart neither repeats nor skips
/// a run. Runs themselves are history and are not kept.
/// </summary>
internal static class EmulatorState
{
    /// <summary>The state file's <c>format</c>: a file without it is not one the emulator wrote.</summary>
    public const string Format = "hubspotgen-emulator-state/1";

    private static readonly (string Name, Func<SandboxStore.Sandbox, IEnumerable<StoredEntity>> Table)[] Tables =
    [
        ("connections", sandbox => sandbox.Connections.InCreationOrder()),
        ("sourceConnections", sandbox => sandbox.SourceConnections.InCreationOrder()),
        ("targetConnections", sandbox => sandbox.TargetConnections.InCreationOrder()),
        ("mappingSets", sandbox => sandbox.MappingSets.InCreationOrder()),
        ("flows", sandbox => sandbox.Flows.InCreationOrder()),
    ];

    /// <summary>The state as the control API shows it.</summary>
    public static JObject Describe(SandboxStore store) => Write(store, forFile: false);

    /// <summary>The state as the state file keeps it.</summary>
    public static JObject Save(SandboxStore store) => Write(store, forFile: true);

    /// <summary>
    /// Replaces what <paramref name="store"/> holds with <paramref name="saved"/>. Checks the whole shape first,
    /// so a file it cannot use changes nothing.
    /// </summary>
    /// <exception cref="EmulatorStateException">The document is not a state the emulator wrote.</exception>
    public static void Load(SandboxStore store, JToken saved)
    {
        if (saved is not JObject root || (string?)root["format"] != Format)
        {
            throw new EmulatorStateException($"it is not an emulator state (no \"format\": \"{Format}\")");
        }

        if (root["sandboxes"] is not JArray sandboxes)
        {
            throw new EmulatorStateException("\"sandboxes\" must be an array");
        }

        var restored = new List<(string, string, Action<SandboxStore.Sandbox>)>();
        for (var index = 0; index < sandboxes.Count; index++)
        {
            restored.Add(ReadSandbox(sandboxes[index], $"sandboxes[{index.ToString(CultureInfo.InvariantCulture)}]"));
        }

        store.Restore(restored);
    }

    private static JObject Write(SandboxStore store, bool forFile) =>
        store.UseAll(all =>
        {
            var sandboxes = new JArray();
            foreach (var sandbox in all)
            {
                var entry = new JObject { ["name"] = sandbox.Name, ["sandboxId"] = sandbox.Id };
                foreach (var (name, table) in Tables)
                {
                    entry[name] = new JArray(table(sandbox).Select(stored => SecretMasking.Masked(stored.Document)));
                }

                entry["datasets"] = new JArray(sandbox.Datasets.InCreationOrder().Where(dataset => !store.IsSeeded(dataset.Id)).Select(dataset => dataset.Document.DeepClone()));
                if (forFile)
                {
                    entry["flowSchedules"] = new JObject(sandbox.Flows.InCreationOrder().Select(flow => new JProperty(flow.Id, Schedule(flow))));
                }

                sandboxes.Add(entry);
            }

            var state = new JObject();
            if (forFile)
            {
                state["format"] = Format;
            }

            state["sandboxes"] = sandboxes;
            return state;
        });

    private static JObject Schedule(StoredFlow flow) => new()
    {
        ["nextRunAt"] = flow.NextRunAt?.ToUnixTimeMilliseconds(),
        ["lastRunAt"] = flow.LastRunAt?.ToUnixTimeMilliseconds(),
        ["scheduledRuns"] = flow.ScheduledRuns,
    };

    private static (string, string, Action<SandboxStore.Sandbox>) ReadSandbox(JToken token, string where)
    {
        if (token is not JObject sandbox || sandbox["name"] is not JValue { Type: JTokenType.String } name || sandbox["sandboxId"] is not JValue { Type: JTokenType.String } id)
        {
            throw new EmulatorStateException($"{where} must be an object with a string \"name\" and \"sandboxId\"");
        }

        var tables = new Dictionary<string, List<JObject>>(StringComparer.Ordinal);
        foreach (var (table, _) in Tables.Append(("datasets", _ => [])))
        {
            tables[table] = Documents(sandbox[table], $"{where}.{table}");
        }

        var schedules = sandbox["flowSchedules"] as JObject ?? [];
        var flows = new List<StoredFlow>();
        foreach (var document in tables["flows"])
        {
            var flow = new StoredFlow(document, null);
            if (schedules[flow.Id] is JObject schedule)
            {
                flow.NextRunAt = Time(schedule["nextRunAt"], $"{where}.flowSchedules.{flow.Id}.nextRunAt");
                flow.LastRunAt = Time(schedule["lastRunAt"], $"{where}.flowSchedules.{flow.Id}.lastRunAt");
                flow.ScheduledRuns = schedule["scheduledRuns"] is JValue { Type: JTokenType.Integer } runs ? (int)runs : 0;
            }

            flows.Add(flow);
        }

        return ((string)name!, (string)id!, restored =>
        {
            tables["connections"].ForEach(document => restored.Connections.Add(new StoredEntity(document)));
            tables["sourceConnections"].ForEach(document => restored.SourceConnections.Add(new StoredEntity(document)));
            tables["targetConnections"].ForEach(document => restored.TargetConnections.Add(new StoredEntity(document)));
            tables["mappingSets"].ForEach(document => restored.MappingSets.Add(new StoredEntity(document)));
            tables["datasets"].ForEach(document => restored.Datasets.Add(new StoredEntity(document)));
            flows.ForEach(flow => restored.Flows.Add(flow));
        });
    }

    /// <summary>The entities of one table; each needs a string id, and no id may come twice.</summary>
    private static List<JObject> Documents(JToken? token, string where)
    {
        if (token is null)
        {
            return [];
        }

        if (token is not JArray array)
        {
            throw new EmulatorStateException($"{where} must be an array");
        }

        var documents = new List<JObject>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < array.Count; index++)
        {
            if (array[index] is not JObject document || document["id"] is not JValue { Type: JTokenType.String } id || !ids.Add((string)id!))
            {
                throw new EmulatorStateException($"{where}[{index.ToString(CultureInfo.InvariantCulture)}] must be an object with a string \"id\" of its own");
            }

            documents.Add((JObject)document.DeepClone());
        }

        return documents;
    }

    private static DateTimeOffset? Time(JToken? token, string where) => token switch
    {
        null or { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Integer } millis when (long)millis is >= 0 and <= 253402300799999 => DateTimeOffset.FromUnixTimeMilliseconds((long)millis),
        _ => throw new EmulatorStateException($"{where} must be epoch milliseconds or null"),
    };
}
