using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace HubSpotGen.Generators.Tests.Harness;

/// <summary>
/// The generated code of a run, compiled and loaded, with its client talking to a stub handler, so that
/// a test can check what goes on the wire and what a call returns without naming generated types in C#.
/// </summary>
internal sealed class LoadedClient
{
    private LoadedClient(Assembly assembly, object client, StubHandler handler)
    {
        Assembly = assembly;
        Client = client;
        Handler = handler;
    }

    public Assembly Assembly { get; }

    public object Client { get; }

    public StubHandler Handler { get; }

    /// <summary>Compiles the run's output, loads it in its own context and builds the client over <paramref name="respond"/>.</summary>
    public static LoadedClient Create(GeneratorRun run, string clientMetadataName, Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        var assembly = Load(run);
        var clientType = assembly.GetType(clientMetadataName) ?? throw new AssertionException(clientMetadataName + " is not in the compiled output.");
        var handler = new StubHandler(respond);
        var httpClient = new HttpClient(handler) { BaseAddress = new Uri("https://stub.example.test/base/") };
        var withUrl = clientType.GetConstructor(new[] { typeof(HttpClient), typeof(string) });
        var client = withUrl is not null
            ? withUrl.Invoke(new object[] { httpClient, "https://stub.example.test/base" })
            : Activator.CreateInstance(clientType, httpClient)!;
        return new LoadedClient(assembly, client, handler);
    }

    /// <summary>Emits the output compilation and loads it; fails the test with the compiler's errors if it cannot.</summary>
    public static Assembly Load(GeneratorRun run)
    {
        using var image = new MemoryStream();
        var emit = run.OutputCompilation.Emit(image);
        Assert.That(emit.Success, Is.True, GeneratorRun.Describe(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        image.Position = 0;
        // Newtonsoft.Json and the framework resolve from the test's own context, so values cross freely.
        return new AssemblyLoadContext("generated-" + Guid.NewGuid().ToString("N"), isCollectible: true).LoadFromStream(image);
    }

    public Type GetType(string metadataName) =>
        Assembly.GetType(metadataName) ?? throw new AssertionException(metadataName + " is not in the compiled output.");

    /// <summary>
    /// Calls the client method <paramref name="methodName"/>. Arguments are given by C# parameter name; a value
    /// given as a JSON string (<see cref="Json"/>) is read into the parameter's type, so tests need not know it.
    /// Others keep their defaults. Returns what the task produced, or null for a plain Task.
    /// </summary>
    public async Task<object?> CallAsync(string methodName, IReadOnlyDictionary<string, object?>? arguments = null)
    {
        var method = Client.GetType().GetMethod(methodName, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new AssertionException(methodName + " is not a public method of the client. Methods: "
                + string.Join(", ", Client.GetType().GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Select(m => m.Name)));
        var values = new List<object?>();
        foreach (var parameter in method.GetParameters())
        {
            if (arguments is not null && arguments.TryGetValue(parameter.Name!, out var given))
            {
                values.Add(given is Json json ? json.ReadAs(parameter.ParameterType) : given);
            }
            else if (parameter.HasDefaultValue)
            {
                values.Add(parameter.DefaultValue is DBNull ? null : parameter.DefaultValue);
            }
            else
            {
                values.Add(parameter.ParameterType.IsValueType ? Activator.CreateInstance(parameter.ParameterType) : null);
            }
        }

        var task = (Task)method.Invoke(Client, values.ToArray())!;
        await task.ConfigureAwait(false);
        var resultProperty = task.GetType().GetProperty("Result");
        return resultProperty is null || resultProperty.PropertyType.Name == "VoidTaskResult" ? null : resultProperty.GetValue(task);
    }

    /// <summary>A JSON text to be read into whatever type the parameter has.</summary>
    public sealed record Json(string Text)
    {
        public object? ReadAs(Type type) =>
            type == typeof(string) ? Newtonsoft.Json.JsonConvert.DeserializeObject<string>(Text) : Newtonsoft.Json.JsonConvert.DeserializeObject(Text, type);
    }

    /// <summary>Records every request with its body read out, and answers with the test's response.</summary>
    internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        public List<(HttpRequestMessage Request, byte[]? Body)> Requests { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            Requests.Add((request, body));
            var response = respond(request);
            response.RequestMessage ??= request;
            return response;
        }
    }

    public static HttpResponseMessage Respond(HttpStatusCode status, string? body = null, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status);
        if (body is not null)
        {
            response.Content = new StringContent(body, System.Text.Encoding.UTF8, mediaType);
        }

        return response;
    }

    public static HttpResponseMessage Respond(HttpStatusCode status, byte[] body, string mediaType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(status) { Content = content };
    }
}
