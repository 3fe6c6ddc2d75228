using HubSpotGen.FlowService.Models;
using System.Reflection;
using Newtonsoft.Json;
using Oracle = HubSpotGen.NSwagReference;

namespace HubSpotGen.FlowService.Tests.Differential;

/// <summary>
/// Where the two clients differ on purpose when calling: each test names one difference and pins both sides,
/// so it fails if the difference goes away or changes.
/// </summary>
public sealed class IntendedRequestDifferenceTests : DifferentialFixture
{
    private static readonly FlowOperation[] Operations = FlowOperations.All;

    /// <summary>
    /// NSwag makes x-sandbox-name the first, explicit argument of every operation (callers must pass null to
    /// leave it to the header policy); ours makes it an optional named argument that defaults to null.
    /// </summary>
    [TestCaseSource(nameof(Operations))]
    public void X_sandbox_name_is_an_explicit_first_argument_in_NSwag_and_an_optional_one_in_ours(FlowOperation operation)
    {
        var name = operation + "Async";
        var ours = typeof(FlowServiceClient).GetMethods().Single(method => method.Name == name);
        var theirs = typeof(Oracle.FlowServiceNSwagClient).GetMethods()
            .Single(method => method.Name == name && method.GetParameters().Last().ParameterType == typeof(CancellationToken));

        var ourSandbox = ours.GetParameters().Single(parameter => parameter.Name == "sandboxName");
        var theirSandbox = theirs.GetParameters()[0];
        Assert.Multiple(() =>
        {
            Assert.That(ourSandbox.HasDefaultValue && ourSandbox.DefaultValue is null, Is.True, "ours: optional, default null");
            Assert.That(new NullabilityInfoContext().Create(ourSandbox).WriteState, Is.EqualTo(NullabilityState.Nullable), "ours: string?");
            Assert.That(theirSandbox.Name, Is.EqualTo("x_sandbox_name"), "NSwag: first parameter");
            Assert.That(theirSandbox.HasDefaultValue, Is.False, "NSwag: no default, the caller must pass it");
        });
    }

    /// <summary>
    /// The flow action is a POST without a request body in the spec. Ours sends none, so no Content-Type; NSwag
    /// sends an empty content labelled JSON. Method, path and query are the same.
    /// </summary>
    [Test]
    public async Task A_flow_action_has_no_body_in_ours_and_an_empty_json_one_in_NSwag()
    {
        Answer(RecordedAnswers.Success(FlowOperation.PerformFlowAction));

        var (ours, theirs) = await SendBothAsync(
            client => OperationCalls.OursAsync(client, FlowOperation.PerformFlowAction),
            client => OperationCalls.TheirsAsync(client, FlowOperation.PerformFlowAction));

        Assert.Multiple(() =>
        {
            Assert.That(ours.Method + " " + ours.AbsolutePath + ours.RawQuery, Is.EqualTo(theirs.Method + " " + theirs.AbsolutePath + theirs.RawQuery));
            Assert.That(ours.RawQuery, Is.EqualTo("?op=disable"));
            Assert.That(ours.Header("Content-Type"), Is.Empty, "ours: no body, no content type");
            Assert.That(ours.Body, Is.Null.Or.Empty);
            Assert.That(theirs.Header("Content-Type").Single(), Does.StartWith("application/json"), "NSwag: an empty JSON content");
            Assert.That(theirs.Body, Is.Null.Or.Empty);
        });
    }

    /// <summary>
    /// Both send the spec's lowercase explore types (see RequestDifferentialTests). They differ beyond the enum:
    /// ours is an open string struct and sends any value as given; NSwag's closed enum sends an undefined value as
    /// its number.
    /// </summary>
    [Test]
    public async Task An_object_type_outside_the_enum_goes_out_verbatim_in_ours_and_as_a_number_in_NSwag()
    {
        Answer(new RecordedAnswer("200 empty", 200, "[]"));

        var (ours, theirs) = await SendBothAsync(
            client => client.ExploreConnectionAsync(SameArguments.ConnectionId, new ObjectType("folder")),
            client => client.ExploreConnectionAsync(null!, (Oracle.ObjectType)2, null!, SameArguments.ConnectionId));

        Assert.Multiple(() =>
        {
            Assert.That(ours.RawQuery, Is.EqualTo("?objectType=folder"));
            Assert.That(theirs.RawQuery, Is.EqualTo("?objectType=2"));
        });
    }

    /// <summary>
    /// Ours takes its base address from HttpClient.BaseAddress (which PlatformHttpClient sets); NSwag's constructor
    /// ignores it and starts from the spec's production server, so its BaseUrl must be set by hand.
    /// </summary>
    [Test]
    public void The_base_address_comes_from_the_HttpClient_in_ours_and_from_the_spec_in_NSwag()
    {
        var ours = new FlowServiceClient(CreateHttpClient());
        var theirs = new Oracle.FlowServiceNSwagClient(CreateHttpClient());

        Assert.Multiple(() =>
        {
            Assert.That(ours.BaseUrl, Is.EqualTo(BaseAddress.AbsoluteUri));
            Assert.That(theirs.BaseUrl, Is.EqualTo("https://platform.adobe.io/data/foundation/flowservice/"));
        });
    }

    /// <summary>
    /// A required member forced to null (null!, past the compiler's required/nullable checks): NSwag's
    /// Required.Always refuses to serialize and nothing is sent; ours leaves the member out and sends the body.
    /// </summary>
    [Test]
    public async Task A_required_member_forced_to_null_is_refused_by_NSwag_and_left_out_by_ours()
    {
        Answer(RecordedAnswers.Success(FlowOperation.CreateConnection));
        var ourBody = SameArguments.OurCreate();
        ourBody.Name = null!;
        var theirBody = SameArguments.TheirCreate();
        theirBody.Name = null!;

        var refused = Assert.ThrowsAsync<JsonSerializationException>(() => Theirs().CreateConnectionAsync(null!, theirBody));
        Assert.That(Server.LogEntries, Is.Empty, "NSwag sent nothing");
        await Ours().CreateConnectionAsync(ourBody);

        Assert.Multiple(() =>
        {
            Assert.That(refused!.Message, Does.Contain("'name'").And.Contain("requires a value"));
            var sent = JsonAssert.Parse(SingleRequest().Body!);
            Assert.That(sent["name"], Is.Null, "ours: no name member at all");
            Assert.That(sent["auth"], Is.Not.Null, "ours: the rest of the body is sent");
        });
    }
}
