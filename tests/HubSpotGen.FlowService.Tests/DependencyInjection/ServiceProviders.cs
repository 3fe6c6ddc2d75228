using Microsoft.Extensions.DependencyInjection;

namespace HubSpotGen.FlowService.Tests.DependencyInjection;

/// <summary>
/// Containers built the strict way (every registration resolvable, no scoped service from the root) for one test,
/// disposed together when it ends.
/// </summary>
internal sealed class ServiceProviders : IDisposable
{
    private readonly List<ServiceProvider> _built = [];

    public ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _built.Add(provider);
        return provider;
    }

    public void Dispose()
    {
        _built.ForEach(provider => provider.Dispose());
        _built.Clear();
    }
}
