using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock.RequestBuilders;
using HubSpotGen.FlowService.Tests.DependencyInjection;
using WireMock.ResponseBuilders;

namespace HubSpotGen.FlowService.Tests.Configuration;

/// <summary>
/// <c>services.AddFlowServiceClient(configuration.GetSection("FlowService"))</c> as an application uses it: an
/// appsettings.json file, environment variables over it, and start-up validation that names configuration keys.
/// </summary>
public sealed class ConfigurationBindingTests : StubServerFixture
{
    private readonly ServiceProviders _providers = new();
    private readonly List<string> _files = [];
    private readonly List<string> _variables = [];

    [TearDown]
    public void CleanUp()
    {
        _providers.Dispose();
        _files.ForEach(File.Delete);
        _files.Clear();
        _variables.ForEach(name => Environment.SetEnvironmentVariable(name, null));
        _variables.Clear();
    }

    [Test]
    public async Task Options_bound_from_an_appsettings_file_reach_the_wire()
    {
        AnswerCount();
        var configuration = new ConfigurationBuilder().AddJsonFile(AppSettings(Section(sandbox: "from-file"))).Build();
        var provider = _providers.Build(services => services.AddFlowServiceClient(configuration.GetSection("FlowService")));

        await provider.GetRequiredService<HubSpotConnections>().CountAsync();

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.AbsoluteUrl, Is.EqualTo(BaseAddress + "/connections?" + DocumentedAnswers.HubSpotPropertyOnWire + "&count=true"));
            Assert.That(request.Headers!["Authorization"], Is.EqualTo(new[] { "Bearer " + FakePlatform.BearerToken }));
            Assert.That(request.Headers["x-api-key"], Is.EqualTo(new[] { FakePlatform.ApiKey }));
            Assert.That(request.Headers["x-gw-ims-org-id"], Is.EqualTo(new[] { FakePlatform.ImsOrgId }));
            Assert.That(request.Headers["x-sandbox-name"], Is.EqualTo(new[] { "from-file" }));
        });
    }

    [Test]
    public void Nested_sections_bind_ims_credentials_and_resilience_settings()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(AppSettings($$"""
            {
              "FlowService": {
                "BaseAddress": "{{BaseAddress}}",
                "ApiKey": "{{FakePlatform.ApiKey}}",
                "ImsOrgId": "{{FakePlatform.ImsOrgId}}",
                "SandboxName": "prod",
                "MaxResponseBytes": 1048576,
                "Ims": { "ClientId": "ims-client", "ClientSecret": "ims-secret-value", "TokenAddress": "https://ims.example.test/ims/token/v3", "RefreshMargin": "00:02:00" },
                "Resilience": { "MaxRetries": 5, "BaseDelay": "00:00:00.250", "AttemptTimeout": "00:00:10" }
              }
            }
            """)).Build();
        var provider = _providers.Build(services => services.AddFlowServiceClient(configuration.GetSection("FlowService")));

        var options = provider.GetRequiredService<IOptions<PlatformOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.BaseAddress, Is.EqualTo(BaseAddress));
            Assert.That(options.MaxResponseBytes, Is.EqualTo(1048576));
            Assert.That(options.Ims!.ClientId, Is.EqualTo("ims-client"));
            Assert.That(options.Ims.ClientSecret, Is.EqualTo("ims-secret-value"));
            Assert.That(options.Ims.TokenAddress, Is.EqualTo(new Uri("https://ims.example.test/ims/token/v3")));
            Assert.That(options.Ims.RefreshMargin, Is.EqualTo(TimeSpan.FromMinutes(2)));
            Assert.That(options.Ims.Scopes, Is.EqualTo(ImsCredentials.PlatformScopes), "an unset key keeps its default");
            Assert.That(options.Resilience!.MaxRetries, Is.EqualTo(5));
            Assert.That(options.Resilience.BaseDelay, Is.EqualTo(TimeSpan.FromMilliseconds(250)));
            Assert.That(options.Resilience.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(10)));
            Assert.That(options.Resilience.TotalTimeout, Is.EqualTo(TimeSpan.FromMinutes(2)), "an unset key keeps its default");
        });
    }

    [Test]
    public async Task Environment_variables_bind_with_double_underscores_and_override_the_file()
    {
        AnswerCount();
        var prefix = "HSG_TEST_" + Guid.NewGuid().ToString("N") + "_";
        SetVariable(prefix + "FlowService__SandboxName", "from-environment");
        SetVariable(prefix + "FlowService__ImsOrgId", "ENVORG0000000000000000@AdobeOrg");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(AppSettings(Section(sandbox: "from-file")))
            .AddEnvironmentVariables(prefix)
            .Build();
        var provider = _providers.Build(services => services.AddFlowServiceClient(configuration.GetSection("FlowService")));

        await provider.GetRequiredService<HubSpotConnections>().CountAsync();

        var request = SingleRequest();
        Assert.Multiple(() =>
        {
            Assert.That(request.Headers!["x-sandbox-name"], Is.EqualTo(new[] { "from-environment" }));
            Assert.That(request.Headers["x-gw-ims-org-id"], Is.EqualTo(new[] { "ENVORG0000000000000000@AdobeOrg" }));
            Assert.That(request.Headers["x-api-key"], Is.EqualTo(new[] { FakePlatform.ApiKey }), "what the environment leaves out still comes from the file");
        });
    }

    [Test]
    public void Environment_variables_alone_are_enough()
    {
        var prefix = "HSG_TEST_" + Guid.NewGuid().ToString("N") + "_";
        SetVariable(prefix + "FlowService__BaseAddress", BaseAddress.AbsoluteUri);
        SetVariable(prefix + "FlowService__AccessToken", FakePlatform.BearerToken);
        SetVariable(prefix + "FlowService__ApiKey", FakePlatform.ApiKey);
        SetVariable(prefix + "FlowService__ImsOrgId", FakePlatform.ImsOrgId);
        SetVariable(prefix + "FlowService__SandboxName", "dev");
        SetVariable(prefix + "FlowService__Resilience__MaxRetries", "0");
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();
        var provider = _providers.Build(services => services.AddFlowServiceClient(configuration.GetSection("FlowService")));

        provider.GetRequiredService<IStartupValidator>().Validate();
        var options = provider.GetRequiredService<IOptions<PlatformOptions>>().Value;

        Assert.Multiple(() =>
        {
            Assert.That(options.SandboxName, Is.EqualTo("dev"));
            Assert.That(options.Resilience!.MaxRetries, Is.Zero);
        });
    }

    [Test]
    public void Start_up_validation_names_each_bad_configuration_key_and_no_value()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(AppSettings("""
            {
              "FlowService": {
                "BaseAddress": "http://user:hunter2-password@flow.example.test/data/foundation/flowservice",
                "SandboxName": "prod",
                "Ims": { "ClientId": "ims-client", "ClientSecret": "" },
                "Resilience": { "MaxRetries": -1 }
              }
            }
            """)).Build();
        var provider = _providers.Build(services => services.AddFlowServiceClient(configuration.GetSection("FlowService")));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.Failures, Is.EquivalentTo(new[]
            {
                "FlowService:BaseAddress http://flow.example.test uses plain http, which would send credentials in clear text; use https (http is allowed only to a loopback address)",
                "FlowService:Ims:ClientSecret is required",
                "FlowService:Resilience:MaxRetries must not be negative",
                "FlowService:ApiKey is required",
                "FlowService:ImsOrgId is required",
            }));
            Assert.That(failure.Message, Does.Not.Contain("hunter2"), "the address's user information is left out");
            Assert.That(failure.Message, Does.Not.Contain("user:"));
        });
        AssertNothingWasSent();
    }

    [TestCase("http://user:hunter2-password@[::1")]
    [TestCase("https://user:hunter2-password@flow example test/")]
    [TestCase("//user:hunter2-password@flow.example.test/")]
    public void An_address_that_does_not_parse_fails_start_up_without_showing_its_user_information(string address)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FlowService:BaseAddress"] = address,
            ["FlowService:AccessToken"] = FakePlatform.BearerToken,
            ["FlowService:ApiKey"] = FakePlatform.ApiKey,
            ["FlowService:ImsOrgId"] = FakePlatform.ImsOrgId,
            ["FlowService:SandboxName"] = "prod",
        }).Build();
        var provider = _providers.Build(services => services.AddFlowServiceClient(configuration.GetSection("FlowService")));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.Multiple(() =>
        {
            Assert.That(failure.Failures, Is.EqualTo(new[] { "FlowService:BaseAddress must be an absolute http or https address" }));
            Assert.That(failure.ToString(), Does.Not.Contain("hunter2"));
            Assert.That(failure.ToString(), Does.Not.Contain(FakePlatform.BearerToken));
        });
    }

    [Test]
    public void Options_set_in_code_keep_naming_the_property()
    {
        var provider = _providers.Build(services => services.AddFlowServiceClient(options =>
        {
            options.BaseAddress = BaseAddress;
            options.Ims = new ImsCredentials { ClientId = "ims-client" };
        }));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(failure.Failures, Is.EquivalentTo(new[]
        {
            "Ims.ClientSecret is required", "ApiKey is required", "ImsOrgId is required", "SandboxName is required",
        }));
    }

    [Test]
    public void The_configuration_root_names_bare_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseAddress"] = BaseAddress.AbsoluteUri,
            ["AccessToken"] = FakePlatform.BearerToken,
            ["ApiKey"] = FakePlatform.ApiKey,
            ["ImsOrgId"] = FakePlatform.ImsOrgId,
        }).Build();
        var provider = _providers.Build(services => services.AddFlowServiceClient(configuration));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate())!;

        Assert.That(failure.Failures, Is.EqualTo(new[] { "SandboxName is required" }));
    }

    private string Section(string sandbox) => $$"""
        {
          "FlowService": {
            "BaseAddress": "{{BaseAddress}}",
            "AccessToken": "{{FakePlatform.BearerToken}}",
            "ApiKey": "{{FakePlatform.ApiKey}}",
            "ImsOrgId": "{{FakePlatform.ImsOrgId}}",
            "SandboxName": "{{sandbox}}",
            "Resilience": { "MaxRetries": 0 }
          }
        }
        """;

    private string AppSettings(string json)
    {
        var path = Path.Combine(Path.GetTempPath(), "appsettings." + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        _files.Add(path);
        return path;
    }

    private void SetVariable(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        _variables.Add(name);
    }

    private void AnswerCount() =>
        Server.Given(Request.Create().WithPath(DocumentedAnswers.ConnectionsPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("""{ "count": 2 }"""));
}
