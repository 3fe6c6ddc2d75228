using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// What a flow must hold, checked on create and again after every PATCH: one source connection and one
/// target connection of the sandbox, the Copy transformation with a delta column of the source table, the
/// Mapping transformation naming an existing mapping set (at its version) whose schema is the target's and
/// whose source attributes are columns of the source table, and a schedule that keeps the schedule rules.
/// </summary>
internal static class FlowRules
{
    public static (FlowSchedule? Schedule, FlowError? Error) Check(JObject flow, SandboxStore.Sandbox sandbox)
    {
        var (source, sourceError) = Single(flow["sourceConnectionIds"], "sourceConnectionIds", SourceConnectionsEndpoint.Resource, sandbox.SourceConnections);
        if (sourceError is not null)
        {
            return (null, sourceError);
        }

        var (target, targetError) = Single(flow["targetConnectionIds"], "targetConnectionIds", TargetConnectionsEndpoint.Resource, sandbox.TargetConnections);
        if (targetError is not null)
        {
            return (null, targetError);
        }

        if (TransformationsProblem(flow["transformations"], source!, target!, sandbox) is { } transformationError)
        {
            return (null, transformationError);
        }

        return FlowSchedule.Parse(flow["scheduleParams"]);
    }

    /// <summary>The Copy transformation's delta column and the Mapping's set, each checked against the source table and the target schema.</summary>
    private static FlowError? TransformationsProblem(JToken? token, StoredEntity source, StoredEntity target, SandboxStore.Sandbox sandbox)
    {
        if (token is not JArray transformations)
        {
            return Fail("transformations is required: Copy (with a delta column) and Mapping (with a mapping set).");
        }

        var table = (string)source.Document["params"]!["path"]!;
        var columns = HubSpotCatalog.ColumnNames(table);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var transformation in transformations)
        {
            var name = RequestBodies.Text(RequestBodies.At(transformation, "name"));
            if (name is not ("Copy" or "Mapping"))
            {
                return Fail("Every transformation needs a name of Copy or Mapping, the two the CRMToAEP flow spec defines.");
            }

            if (!seen.Add(name))
            {
                return Fail($"The {name} transformation is given twice.");
            }

            var parameters = RequestBodies.At(transformation, "params");
            var problem = name == "Copy" ? CopyProblem(parameters, table, columns) : MappingProblem(parameters, table, columns, target, sandbox);
            if (problem is not null)
            {
                return problem;
            }
        }

        return seen.Count == 2 ? null : Fail("transformations must hold both Copy and Mapping.");
    }

    private static FlowError? CopyProblem(JToken? parameters, string table, IReadOnlyList<string> columns)
    {
        if (RequestBodies.Text(RequestBodies.At(parameters, "deltaColumn", "name")) is not { } deltaColumn)
        {
            return Fail("The Copy transformation needs params.deltaColumn.name, the column that tells new records from old.");
        }

        if (!columns.Contains(deltaColumn))
        {
            return Fail($"The delta column [{deltaColumn}] is not a column of {table}.");
        }

        return RequestBodies.OptionalText(RequestBodies.At(parameters, "deltaColumn", "dateFormat"), "deltaColumn.dateFormat")
            ?? RequestBodies.OptionalText(RequestBodies.At(parameters, "deltaColumn", "timezone"), "deltaColumn.timezone");
    }

    private static FlowError? MappingProblem(JToken? parameters, string table, IReadOnlyList<string> columns, StoredEntity target, SandboxStore.Sandbox sandbox)
    {
        if (RequestBodies.Text(RequestBodies.At(parameters, "mappingId")) is not { } mappingId)
        {
            return Fail("The Mapping transformation needs params.mappingId, the id of a mapping set.");
        }

        if (sandbox.MappingSets.Find(mappingId) is not { } mapping)
        {
            return FlowError.UnknownReference("mappingId", MappingSetsEndpoint.Resource, mappingId);
        }

        // The mapping version is compared as a number; a string of digits is taken too, since the service
        // states no rule for it and the mapping set's own answer carries it as a number.
        var version = RequestBodies.At(parameters, "mappingVersion");
        var versionNumber = version?.Type switch
        {
            JTokenType.Integer => (long?)version,
            JTokenType.String when long.TryParse((string?)version, out var parsed) => parsed,
            _ => null,
        };
        if (versionNumber != (long)mapping.Document["version"]!)
        {
            return Fail($"mappingVersion must be the mapping set's version, {(long)mapping.Document["version"]!}.");
        }

        var targetSchema = (string?)target.Document["data"]?["schema"]?["id"];
        if ((string?)mapping.Document["xdmSchema"] != targetSchema)
        {
            return Fail($"The mapping set [{mapping.Id}] writes the schema [{(string?)mapping.Document["xdmSchema"]}], not the target connection's [{targetSchema}].");
        }

        var unknown = mapping.Document["mappings"]!
            .Select(item => (string)item["sourceAttribute"]!)
            .Where(attribute => !columns.Contains(attribute))
            .ToList();
        return unknown.Count == 0
            ? null
            : Fail($"The mapping set [{mapping.Id}] maps source attributes that are not columns of {table}: [{string.Join(", ", unknown)}].");
    }

    /// <summary>An array of exactly one id, found in <paramref name="table"/>.</summary>
    private static (StoredEntity? Entity, FlowError? Error) Single<T>(JToken? token, string field, string resource, SandboxStore.EntityTable<T> table)
        where T : StoredEntity
    {
        if (token is not JArray { Count: 1 } ids || RequestBodies.Text(ids[0]) is not { } id)
        {
            return (null, Fail($"{field} must be an array of exactly one id."));
        }

        return table.Find(id) is { } found ? (found, null) : (null, FlowError.UnknownReference(field, resource, id));
    }

    private static FlowError Fail(string message) => FlowError.BadRequest(FlowCodes.BadRequest, message);
}
