
namespace HubSpotGen.FlowService.Tests;

/// <summary>
/// One gateway address places Flow Service, Catalog and Data Prep; the Flow Service address alone still overrides
/// Flow Service, and set alone it places the other two at the same host.
/// </summary>
public sealed class PlatformAddressTests
{
    [Test]
    public void By_default_every_service_is_under_the_production_gateway()
    {
        var options = new PlatformOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.PlatformAddress, Is.EqualTo(new Uri("https://platform.adobe.io")));
            Assert.That(options.BaseAddress, Is.EqualTo(new Uri("https://platform.adobe.io/data/foundation/flowservice")));
            Assert.That(options.BaseAddress, Is.EqualTo(PlatformOptions.DefaultBaseAddress));
            Assert.That(options.CatalogAddress, Is.EqualTo(new Uri("https://platform.adobe.io/data/foundation/catalog")));
            Assert.That(options.DataPrepAddress, Is.EqualTo(new Uri("https://platform.adobe.io/data/foundation/conversion")));
        });
    }

    [TestCase("https://platform-stage.adobe.io", "https://platform-stage.adobe.io")]
    [TestCase("https://gateway.example/", "https://gateway.example")]
    [TestCase("http://127.0.0.1:5000/prefix/", "http://127.0.0.1:5000/prefix")]
    public void A_platform_address_places_all_three_services(string platform, string expectedRoot)
    {
        var options = new PlatformOptions { PlatformAddress = new Uri(platform) };

        Assert.Multiple(() =>
        {
            Assert.That(options.BaseAddress.AbsoluteUri, Is.EqualTo(expectedRoot + "/data/foundation/flowservice"));
            Assert.That(options.CatalogAddress.AbsoluteUri, Is.EqualTo(expectedRoot + "/data/foundation/catalog"));
            Assert.That(options.DataPrepAddress.AbsoluteUri, Is.EqualTo(expectedRoot + "/data/foundation/conversion"));
        });
    }

    [TestCase("http://127.0.0.1:5000/data/foundation/flowservice", "http://127.0.0.1:5000/")]
    [TestCase("http://127.0.0.1:5000/data/foundation/flowservice/", "http://127.0.0.1:5000/")]
    [TestCase("http://127.0.0.1:5000/Data/Foundation/FlowService", "http://127.0.0.1:5000/")]
    [TestCase("https://proxy.example/aep/data/foundation/flowservice", "https://proxy.example/aep")]
    [TestCase("http://localhost:7000/", "http://localhost:7000/")]
    [TestCase("https://proxy.example/flow", "https://proxy.example/flow")]
    public void A_flow_service_address_set_alone_gives_the_platform_address_without_its_suffix(string flowService, string platform)
    {
        var options = new PlatformOptions { BaseAddress = new Uri(flowService) };

        Assert.Multiple(() =>
        {
            Assert.That(options.BaseAddress, Is.EqualTo(new Uri(flowService)), "kept exactly");
            Assert.That(options.PlatformAddress, Is.EqualTo(new Uri(platform)));
            Assert.That(options.CatalogAddress.AbsoluteUri, Is.EqualTo(platform.TrimEnd('/') + "/data/foundation/catalog"));
            Assert.That(options.DataPrepAddress.AbsoluteUri, Is.EqualTo(platform.TrimEnd('/') + "/data/foundation/conversion"));
        });
    }

    [Test]
    public void A_flow_service_address_beside_a_platform_address_overrides_flow_service_alone()
    {
        var options = new PlatformOptions
        {
            PlatformAddress = new Uri("https://gateway.example"),
            BaseAddress = new Uri("http://127.0.0.1:5000/data/foundation/flowservice"),
        };

        Assert.Multiple(() =>
        {
            Assert.That(options.BaseAddress, Is.EqualTo(new Uri("http://127.0.0.1:5000/data/foundation/flowservice")));
            Assert.That(options.CatalogAddress, Is.EqualTo(new Uri("https://gateway.example/data/foundation/catalog")));
            Assert.That(options.DataPrepAddress, Is.EqualTo(new Uri("https://gateway.example/data/foundation/conversion")));
        });
    }

    [Test]
    public void Setting_an_address_back_to_null_returns_to_the_derived_one()
    {
        var options = new PlatformOptions { PlatformAddress = new Uri("https://gateway.example"), BaseAddress = new Uri("https://flow.example/x") };

        options.BaseAddress = null!;
        options.PlatformAddress = null!;

        Assert.That(options.BaseAddress, Is.EqualTo(PlatformOptions.DefaultBaseAddress));
    }

    [TestCase("http://gateway.example")]
    [TestCase("http://10.0.0.5:8080")]
    public void A_plain_http_platform_address_to_another_machine_is_refused_naming_it(string platform)
    {
        var options = FakePlatform.Options(new Uri("https://platform.adobe.io/data/foundation/flowservice"));
        options.PlatformAddress = new Uri(platform);

        var exception = Assert.Catch<ArgumentException>(() => PlatformClients.Create(options))!;

        Assert.That(exception.Message, Does.Contain("PlatformAddress").And.Contain("https").And.Not.Contain("BaseAddress"));
    }

    [Test]
    public void A_relative_platform_address_is_refused_naming_it()
    {
        var options = FakePlatform.Options(new Uri("https://platform.adobe.io/data/foundation/flowservice"));
        options.PlatformAddress = new Uri("data", UriKind.Relative);

        var exception = Assert.Catch<ArgumentException>(() => PlatformClients.Create(options))!;

        Assert.That(exception.Message, Does.Contain("PlatformAddress must be an absolute http or https address"));
    }

    [Test]
    public void A_bad_flow_service_address_set_alone_is_named_once()
    {
        var options = FakePlatform.Options(new Uri("http://10.0.0.5/data/foundation/flowservice"));

        var exception = Assert.Catch<ArgumentException>(() => PlatformClients.Create(options))!;

        Assert.That(exception.Message, Does.Contain("BaseAddress").And.Not.Contain("PlatformAddress"));
    }

    [Test]
    public void ToString_shows_the_platform_address_without_its_query()
    {
        var options = new PlatformOptions { PlatformAddress = new Uri("https://gateway.example/?sig=in-the-query"), AccessToken = FakePlatform.BearerToken };

        var text = options.ToString();

        Assert.That(text, Does.Contain("PlatformAddress = https://gateway.example/,").And.Not.Contain("in-the-query").And.Not.Contain(FakePlatform.BearerToken));
    }

    [Test]
    public void The_clients_send_to_their_own_addresses_and_ignore_later_changes_to_the_options()
    {
        var options = FakePlatform.Options(new Uri("http://127.0.0.1:5000/data/foundation/flowservice"));
        using var clients = PlatformClients.Create(options);

        options.BaseAddress = new Uri("https://elsewhere.example/data/foundation/flowservice");
        options.PlatformAddress = new Uri("https://elsewhere.example");

        Assert.Multiple(() =>
        {
            Assert.That(clients.FlowService.BaseUrl, Is.EqualTo("http://127.0.0.1:5000/data/foundation/flowservice"));
            Assert.That(clients.Catalog.BaseUrl, Is.EqualTo("http://127.0.0.1:5000/data/foundation/catalog"));
            Assert.That(clients.DataPrep.BaseUrl, Is.EqualTo("http://127.0.0.1:5000/data/foundation/conversion"));
            Assert.That(clients.HttpClient.BaseAddress, Is.EqualTo(new Uri("http://127.0.0.1:5000/data/foundation/flowservice")));
        });
    }
}
