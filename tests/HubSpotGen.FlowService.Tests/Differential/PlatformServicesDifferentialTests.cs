using HubSpotGen.FlowService.Catalog;
using HubSpotGen.FlowService.DataPrep;
using HubSpotGen.FlowService.DataPrep.Models;
using HubSpotGen.FlowService.Models;
using OracleCatalog = HubSpotGen.NSwagReference.Catalog;
using OracleDataPrep = HubSpotGen.NSwagReference.DataPrep;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>
/// Catalog and Data Prep through our generated clients and NSwag's, over the same pipeline: the same requests on
/// the wire (the mapping set's explicit nulls included), the same reads, the same status and body on an error.
/// </summary>
public sealed class PlatformServicesDifferentialTests : DifferentialFixture
{
    private const string CatalogPath = "/data/foundation/catalog";
    private const string DataPrepPath = "/data/foundation/conversion";

    private const string DataSet = """
        { "5f3c3cedb2805c194ff0b69a": {
            "name": "HubSpot contacts", "description": "Contacts from HubSpot", "imsOrg": "5C1328435BF324E90A49402A@AdobeOrg",
            "sandboxId": "1bd86660-c5da-11e9-93d4-6d5fc3a66a8e", "created": 1668637963851, "updated": 1668637963852,
            "schemaRef": { "id": "https://ns.adobe.com/testorg/schemas/0f6d8e7a2c1b4e9f", "contentType": "application/vnd.adobe.xed+json;version=1" },
            "tags": { "adobe/pqs/table": [ "hubspot_contacts" ] } } }
        """;

    private const string MappingSet = """
        { "id": "bf5286a9c1ad4266baca76ba3adc9366", "version": 0, "createdDate": 1668637963851, "modifiedDate": 1668637963852,
          "createdBy": "28AF22BA5DE6B0B40A494036@AdobeID", "modifiedBy": "39BF22BA5DE6B0B40A494036@AdobeID",
          "xdmSchema": "https://ns.adobe.com/testorg/schemas/0f6d8e7a2c1b4e9f",
          "mappings": [ { "sourceAttribute": "Vid", "destinationXdmPath": "person.id", "identity": false, "identityGroup": null, "namespaceCode": null, "version": 0 } ] }
        """;

    [Test]
    public async Task A_dataset_read_sends_the_same_request_and_reads_the_same_values()
    {
        Answer(new RecordedAnswer("200 dataset", 200, DataSet));

        var ours = await OurCatalog().GetDataSetAsync(SameArguments.DataSetId);
        var ourRequest = SingleRequest();
        Server.ResetLogEntries();
        var theirs = await TheirCatalog().GetDataSetAsync(null!, SameArguments.DataSetId);

        WireAssert.SameRequest(ourRequest, SingleRequest());
        Assert.That(ourRequest.AbsolutePath, Is.EqualTo(CatalogPath + "/dataSets/" + SameArguments.DataSetId));
        ourRequest.AssertPlatformHeaders();
        AssertSameRead(ours, theirs, DataSet);
    }

    [Test]
    public async Task A_mapping_set_create_sends_the_same_body_with_its_nulls_and_reads_the_same_answer()
    {
        Answer(new RecordedAnswer("200 mapping set", 200, MappingSet));

        var ours = await OurDataPrep().CreateMappingSetAsync(new CreateMappingSetRequest
        {
            Id = null, Version = 0, XdmSchema = SameArguments.SchemaId, XdmVersion = "1.0",
            Mappings = [new Mapping { SourceAttribute = "Vid", DestinationXdmPath = "person.id", Identity = false, IdentityGroup = null, NamespaceCode = null, Version = 0 }],
        });
        var ourRequest = SingleRequest();
        Server.ResetLogEntries();
        var theirs = await TheirDataPrep().CreateMappingSetAsync(null!, new OracleDataPrep.CreateMappingSetRequest
        {
            Id = null!, Version = 0, XdmSchema = SameArguments.SchemaId, XdmVersion = "1.0",
            Mappings = [new OracleDataPrep.Mapping { SourceAttribute = "Vid", DestinationXdmPath = "person.id", Identity = false, IdentityGroup = null!, NamespaceCode = null!, Version = 0 }],
        });

        WireAssert.SameRequest(ourRequest, SingleRequest());
        Assert.Multiple(() =>
        {
            var body = JsonAssert.Parse(ourRequest.Body!);
            Assert.That(body["id"]?.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null), "id is sent as null");
            Assert.That(body["mappings"]?[0]?["identityGroup"]?.Type, Is.EqualTo(Newtonsoft.Json.Linq.JTokenType.Null), "identityGroup is sent as null");
        });
        AssertSameRead(ours, theirs, MappingSet);
    }

    [Test]
    public async Task A_mapping_set_read_sends_the_same_request_and_reads_the_same_values()
    {
        Answer(new RecordedAnswer("200 mapping set", 200, MappingSet));

        var ours = await OurDataPrep().GetMappingSetAsync(SameArguments.MappingId);
        var ourRequest = SingleRequest();
        Server.ResetLogEntries();
        var theirs = await TheirDataPrep().GetMappingSetAsync(null!, SameArguments.MappingId);

        WireAssert.SameRequest(ourRequest, SingleRequest());
        Assert.That(ourRequest.AbsolutePath, Is.EqualTo(DataPrepPath + "/mappingSets/" + SameArguments.MappingId));
        AssertSameRead(ours, theirs, MappingSet);
    }

    [Test]
    public void An_unknown_dataset_is_a_typed_404_with_the_same_error_values_in_both()
    {
        const string Body = """{"title":"Not found","status":404,"detail":"No dataset with that id."}""";
        Answer(new RecordedAnswer("404", 404, Body));

        var ours = Assert.CatchAsync<Catalog.ApiException>(() => OurCatalog().GetDataSetAsync(SameArguments.DataSetId))!;
        var theirs = Assert.CatchAsync<OracleCatalog.ApiException>(() => TheirCatalog().GetDataSetAsync(null!, SameArguments.DataSetId))!;

        Assert.Multiple(() =>
        {
            Assert.That(ours, Is.TypeOf<Catalog.ApiException<Catalog.Models.ErrorResponse>>());
            Assert.That(theirs, Is.TypeOf<OracleCatalog.ApiException<OracleCatalog.ErrorResponse>>());
            Assert.That(ours.StatusCode, Is.EqualTo(theirs.StatusCode).And.EqualTo(404));
            // NSwag keeps the raw body only on its untyped exception; ours keeps it on both.
            Assert.That(ours.ResponseBody, Is.EqualTo(Body));
            Assert.That(((Catalog.ApiException<Catalog.Models.ErrorResponse>)ours).Error?.Detail,
                Is.EqualTo(((OracleCatalog.ApiException<OracleCatalog.ErrorResponse>)theirs).Result.Detail));
        });
    }

    private CatalogClient OurCatalog() => new(CreateHttpClient(), Server.Url + CatalogPath);

    private OracleCatalog.CatalogNSwagClient TheirCatalog() => new(CreateHttpClient()) { BaseUrl = Server.Url + CatalogPath };

    private DataPrepClient OurDataPrep() => new(CreateHttpClient(), Server.Url + DataPrepPath);

    private OracleDataPrep.DataPrepNSwagClient TheirDataPrep() => new(CreateHttpClient()) { BaseUrl = Server.Url + DataPrepPath };
}
