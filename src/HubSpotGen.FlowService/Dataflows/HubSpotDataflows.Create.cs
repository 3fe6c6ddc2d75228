using HubSpotGen.FlowService.DataPrep.Models;
using HubSpotGen.FlowService.Models;

namespace HubSpotGen.FlowService;

public partial class HubSpotDataflows
{
    private const string FlowSpecsOperation = "GET /flowSpecs";
    private const string DataSetOperation = "GET /dataSets/{dataSetId}";
    private const string MappingSetOperation = "POST /mappingSets";

    /// <summary>
    /// Creates a HubSpot dataflow: a source connection for the table, a target connection for the dataset, a mapping
    /// set, and the dataflow that joins them under the CRMToAEP flow spec. Returns every id and the flow's etag.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Before anything is created it checks the request, explores the base connection (the table must be one it
    /// lists, the mapping sources and the delta column columns of that table) and reads the dataset's XDM schema from
    /// Catalog. Then, in order: POST <c>/sourceConnections</c>, POST <c>/targetConnections</c>, POST
    /// <c>/mappingSets</c> (Data Prep), GET <c>/flowSpecs?property=name=="CRMToAEP"</c>, POST <c>/flows</c>.
    /// </para>
    /// <para>
    /// Nothing is left behind: when a step after the first create fails (or the call is cancelled), what was created
    /// is deleted in reverse order (target connection, then source connection) and the step's exception is rethrown.
    /// Data Prep has no delete, so a mapping set made before the failure stays, unused. When a clean-up delete fails
    /// too, a <see cref="DataflowCleanupException"/> names what remains. Creates are never repeated after a lost
    /// answer, so a retry makes no duplicate; an entity whose create answer was lost cannot be named, and so cannot be
    /// cleaned up: a later delete of the connections it uses is then refused, which the clean-up exception reports.
    /// </para>
    /// </remarks>
    /// <param name="request">What to join, how to map it and when to run.</param>
    /// <param name="cancellationToken">Cancels the steps; the clean-up after a cancellation still runs.</param>
    /// <returns>The ids of the dataflow and of what it joins, and the dataflow's etag.</returns>
    /// <exception cref="ArgumentException">
    /// The request is incomplete, its schedule breaks a rule, the table is unknown to the base connection (the message
    /// lists the known ones), a mapping source or the delta column is not a column of the table (the message lists
    /// the columns), the table has no single date-time column to default to (the message names the choices), or
    /// Catalog has no such dataset or it has no schema. Only reads were sent.
    /// </exception>
    /// <exception cref="ApiException">A service refused a step; what the steps before it created was deleted.</exception>
    /// <exception cref="DataflowCleanupException">A step failed and deleting what was created failed too.</exception>
    public virtual Task<CreatedDataflow> CreateAsync(HubSpotDataflowRequest request, CancellationToken cancellationToken = default)
    {
        CheckRequest(request);
        return CreateCoreAsync(request, cancellationToken);
    }

    private static void CheckRequest(HubSpotDataflowRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.BaseConnectionId == Guid.Empty)
        {
            throw new ArgumentException("The base connection id must not be empty.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.TablePath))
        {
            throw new ArgumentException("The table path must not be blank; explore the base connection for the tables it has.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.DataSetId))
        {
            throw new ArgumentException("The dataset id must not be blank.", nameof(request));
        }

        if (request.Name is not null && string.IsNullOrWhiteSpace(request.Name))
        {
            throw new ArgumentException("The name must not be blank; leave it null for a name after the table and dataset.", nameof(request));
        }

        if (request.DeltaColumn is not null && string.IsNullOrWhiteSpace(request.DeltaColumn))
        {
            throw new ArgumentException("The delta column must not be blank; leave it null for the table's only date-time column.", nameof(request));
        }

        if (request.Schedule is null)
        {
            throw new ArgumentException("The schedule must not be null.", nameof(request));
        }

        request.Schedule.Validate();
        CheckMappings(request.Mappings, nameof(request));
    }

    private static void CheckMappings(IReadOnlyList<FieldMapping>? mappings, string paramName)
    {
        if (mappings is null || mappings.Count == 0)
        {
            throw new ArgumentException("At least one mapping is needed: which source column fills which XDM field.", paramName);
        }

        var destinations = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            if (mapping is null || string.IsNullOrWhiteSpace(mapping.SourceAttribute) || string.IsNullOrWhiteSpace(mapping.DestinationXdmPath))
            {
                throw new ArgumentException("Every mapping needs a source column and an XDM path; none may be blank.", paramName);
            }

            if (!destinations.Add(mapping.DestinationXdmPath))
            {
                throw new ArgumentException($"The XDM field {mapping.DestinationXdmPath} is mapped more than once.", paramName);
            }
        }
    }

    private async Task<CreatedDataflow> CreateCoreAsync(HubSpotDataflowRequest request, CancellationToken cancellationToken)
    {
        var columns = await TableColumnsAsync(request.BaseConnectionId, request.TablePath, cancellationToken).ConfigureAwait(false);
        CheckSources(request.Mappings, columns, nameof(request));
        var deltaColumn = DeltaColumnOf(request.DeltaColumn, columns);
        var schemaId = await SchemaOfDataSetAsync(request.DataSetId, cancellationToken).ConfigureAwait(false);

        var name = request.Name ?? $"HubSpot {request.TablePath} to dataset {request.DataSetId}";
        var description = request.Description ?? $"HubSpot table {request.TablePath} into Platform dataset {request.DataSetId}, made by HubSpotGen";
        var created = new List<(string Kind, Guid Id)>(2);
        try
        {
            var source = await _flowService.CreateSourceConnectionAsync(new CreateSourceConnectionRequest
            {
                Name = name + " (source)",
                Description = description,
                BaseConnectionId = request.BaseConnectionId,
                Data = new SourceConnectionData { Format = DataflowSpecs.TabularFormat },
                Params = new SourceConnectionParams { Path = request.TablePath },
                ConnectionSpec = HubSpotConnectionSpec.Reference(),
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            created.Add((SourceKind, source.Id));

            var target = await _flowService.CreateTargetConnectionAsync(new CreateTargetConnectionRequest
            {
                Name = name + " (target)",
                Description = description,
                Data = new TargetConnectionData { Schema = new XdmSchemaReference { Id = schemaId, Version = DataflowSpecs.XdmSchemaVersion } },
                Params = new TargetConnectionParams { DataSetId = request.DataSetId },
                ConnectionSpec = new SpecReference { Id = DataflowSpecs.DataLakeConnectionSpecIdAsGuid, Version = DataflowSpecs.SpecVersion },
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
            created.Add((TargetKind, target.Id));

            var (mappingId, mappingVersion) = await CreateMappingSetAsync(schemaId, request.Mappings, cancellationToken).ConfigureAwait(false);
            var flowSpecId = await CrmFlowSpecIdAsync(cancellationToken).ConfigureAwait(false);

            // Opened here so that the request id handed back is the flow's creation's, not a step's before it.
            var history = AttemptHistory.Begin();
            var flow = await _flowService.CreateFlowAsync(new CreateFlowRequest
            {
                Name = name,
                Description = description,
                FlowSpec = new SpecReference { Id = flowSpecId, Version = DataflowSpecs.SpecVersion },
                SourceConnectionIds = [source.Id],
                TargetConnectionIds = [target.Id],
                Transformations = [CopyTransformation(deltaColumn), MappingTransformation(mappingId, mappingVersion)],
                ScheduleParams = request.Schedule.ToScheduleParams(),
            }, cancellationToken: cancellationToken).ConfigureAwait(false);

            return new CreatedDataflow(flow.Id, flow.Etag, source.Id, target.Id, mappingId) { MappingVersion = mappingVersion, RequestId = history.RequestId };
        }
        catch (Exception failure) when (created.Count > 0)
        {
            await RollBackAsync(created, failure).ConfigureAwait(false);
            throw;
        }
    }

    private const string SourceKind = "source connection";
    private const string TargetKind = "target connection";

    /// <summary>Deletes what a failed create made, newest first; throws when a delete fails, naming what remains.</summary>
    private async Task RollBackAsync(List<(string Kind, Guid Id)> created, Exception failure)
    {
        var remaining = new List<string>();
        var failures = new List<Exception>();
        for (var index = created.Count - 1; index >= 0; index--)
        {
            var (kind, id) = created[index];
            try
            {
                // Not the caller's token: a cancelled create must still take back what it made.
                await DeleteAsync(
                    token => kind == SourceKind
                        ? _flowService.DeleteSourceConnectionAsync(id, cancellationToken: token)
                        : _flowService.DeleteTargetConnectionAsync(id, cancellationToken: token),
                    CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception cleanupFailure)
            {
                remaining.Add(kind + " " + id);
                failures.Add(cleanupFailure);
            }
        }

        if (remaining.Count > 0)
        {
            throw new DataflowCleanupException(remaining, failures, failure);
        }
    }

    /// <summary>The table's columns, after checking that the base connection lists the table.</summary>
    private async Task<IReadOnlyList<ExploreColumn>> TableColumnsAsync(Guid baseConnectionId, string tablePath, CancellationToken cancellationToken)
    {
        var tables = await _connections.ExploreAsync(baseConnectionId, cancellationToken).ConfigureAwait(false);
        if (!tables.Any(table => string.Equals(table.Path, tablePath, StringComparison.Ordinal)))
        {
            var known = tables.Select(table => table.Path).Where(path => !string.IsNullOrEmpty(path)).ToList();
            throw new ArgumentException(
                $"The base connection has no table {tablePath}; it lists {(known.Count == 0 ? "none" : string.Join(", ", known))}.",
                "request");
        }

        return await _connections.ExploreTableAsync(baseConnectionId, tablePath, cancellationToken).ConfigureAwait(false);
    }

    private static void CheckSources(IReadOnlyList<FieldMapping> mappings, IReadOnlyList<ExploreColumn> columns, string paramName)
    {
        var names = columns.Select(column => column.Name).ToHashSet(StringComparer.Ordinal);
        var unknown = mappings.Select(mapping => mapping.SourceAttribute).Where(source => !names.Contains(source)).Distinct(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"Not a column of the table: {string.Join(", ", unknown)}. Its columns are {ColumnList(columns)}.",
                paramName);
        }
    }

    /// <summary>The delta column: the one asked for, which must be a column; else the table's only date-time column.</summary>
    private static string DeltaColumnOf(string? requested, IReadOnlyList<ExploreColumn> columns)
    {
        if (requested is not null)
        {
            return columns.Any(column => string.Equals(column.Name, requested, StringComparison.Ordinal))
                ? requested
                : throw new ArgumentException($"The delta column {requested} is not a column of the table. Its columns are {ColumnList(columns)}.", "request");
        }

        var dateTimes = columns.Where(IsDateTime).Select(column => column.Name).ToList();
        return dateTimes.Count switch
        {
            1 => dateTimes[0],
            0 => throw new ArgumentException($"The table has no date-time column to read by; name the delta column, one of {ColumnList(columns)}.", "request"),
            _ => throw new ArgumentException($"The table has several date-time columns; name the delta column, one of {string.Join(", ", dateTimes)}.", "request"),
        };
    }

    private static bool IsDateTime(ExploreColumn column) =>
        string.Equals(column.Xdm?.Format, "date-time", StringComparison.OrdinalIgnoreCase)
        || string.Equals(column.MetaXdmType, "date-time", StringComparison.OrdinalIgnoreCase);

    private static string ColumnList(IReadOnlyList<ExploreColumn> columns) =>
        columns.Count == 0 ? "none" : string.Join(", ", columns.Select(column => column.Name));

    /// <summary>The <c>$id</c> of the dataset's XDM schema; an unknown dataset is the caller's mistake, so an ArgumentException.</summary>
    private async Task<string> SchemaOfDataSetAsync(string dataSetId, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, Catalog.Models.DataSet> answer;
        try
        {
            answer = await _catalog.GetDataSetAsync(dataSetId, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Catalog.ApiException exception) when (exception.StatusCode == 404)
        {
            throw new ArgumentException($"Catalog has no dataset {dataSetId} in this sandbox (404).", "request", ServiceErrors.From(exception));
        }
        catch (Catalog.ApiException exception)
        {
            throw ServiceErrors.From(exception);
        }

        // The answer is keyed by the id; a lone entry under another key is still the dataset asked for.
        var dataSet = answer is null ? null
            : answer.TryGetValue(dataSetId, out var keyed) ? keyed
            : answer.Count == 1 ? answer.Values.First()
            : null;
        if (dataSet is null)
        {
            throw new ArgumentException($"Catalog answered without dataset {dataSetId}.", "request");
        }

        return dataSet.SchemaRef?.Id is { Length: > 0 } schemaId
            ? schemaId
            : throw new ArgumentException($"Dataset {dataSetId} names no XDM schema (schemaRef.id), so there is nothing to map into.", "request");
    }

    /// <summary>Stores the mappings in Data Prep; the answer's id and version name them in the flow.</summary>
    private async Task<(string Id, int Version)> CreateMappingSetAsync(string schemaId, IReadOnlyList<FieldMapping> mappings, CancellationToken cancellationToken)
    {
        MappingSet answer;
        try
        {
            answer = await _dataPrep.CreateMappingSetAsync(new CreateMappingSetRequest
            {
                Id = null,
                Version = 0,
                XdmSchema = schemaId,
                XdmVersion = DataflowSpecs.MappingXdmVersion,
                Mappings = mappings.Select(mapping => new Mapping
                {
                    SourceAttribute = mapping.SourceAttribute,
                    DestinationXdmPath = mapping.DestinationXdmPath,
                    Identity = false,
                    IdentityGroup = null,
                    NamespaceCode = null,
                    Version = 0,
                }).ToList(),
            }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (DataPrep.ApiException exception)
        {
            throw ServiceErrors.From(exception);
        }

        return answer.Id is { Length: > 0 } id
            ? (id, answer.Version ?? 0)
            : throw UnexpectedAnswer.Create(MappingSetOperation, "a mapping set without an id");
    }

    /// <summary>The id of the CRMToAEP flow spec, as the service answers it.</summary>
    private async Task<Guid> CrmFlowSpecIdAsync(CancellationToken cancellationToken)
    {
        var answer = await _flowService.ListFlowSpecsAsync(property: [CrmFlowSpecFilter], cancellationToken: cancellationToken).ConfigureAwait(false);
        var items = answer.Items ?? [];
        var spec = items.FirstOrDefault(item => string.Equals(item?.Name, DataflowSpecs.CrmFlowSpecName, StringComparison.Ordinal))
            ?? (items.Count == 1 ? items[0] : null);
        return spec?.Id is { } id && id != Guid.Empty
            ? id
            : throw UnexpectedAnswer.Create(FlowSpecsOperation, "no flow spec named " + DataflowSpecs.CrmFlowSpecName);
    }

    /// <summary>The filter that finds the CRM flow spec; the quotes are part of the documented form.</summary>
    internal const string CrmFlowSpecFilter = "name==\"" + DataflowSpecs.CrmFlowSpecName + "\"";

    private static Transformation CopyTransformation(string deltaColumn) => new()
    {
        Name = DataflowSpecs.CopyTransformation,
        Params = new TransformationParams
        {
            DeltaColumn = new DeltaColumn { Name = deltaColumn, DateFormat = DataflowSpecs.DeltaColumnDateFormat, Timezone = DataflowSpecs.DeltaColumnTimezone },
        },
    };

    private static Transformation MappingTransformation(string mappingId, int mappingVersion) => new()
    {
        Name = DataflowSpecs.MappingTransformation,
        Params = new TransformationParams { MappingId = mappingId, MappingVersion = mappingVersion },
    };
}
