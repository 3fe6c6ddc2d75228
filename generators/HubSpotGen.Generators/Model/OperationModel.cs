namespace HubSpotGen.Generators.Model;

/// <summary>One HTTP operation, which becomes one <c>…Async</c> method.</summary>
/// <param name="MethodName">The C# method name, <c>Async</c> suffix included.</param>
/// <param name="HttpMethod">The upper-case HTTP method.</param>
/// <param name="Path">The path template as written in the spec, e.g. <c>/connections/{connectionId}</c>.</param>
/// <param name="Summary">The spec's summary, if any.</param>
/// <param name="Description">The spec's description, if any.</param>
/// <param name="Deprecated">Whether the spec marks the operation deprecated.</param>
/// <param name="Parameters">Path, query, header and cookie parameters, in method-signature order.</param>
/// <param name="Body">The request body, if the operation has one the client can send.</param>
/// <param name="Responses">Documented responses, successes first.</param>
internal sealed record OperationModel(
    string MethodName,
    string HttpMethod,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    RequestBodyModel? Body,
    EquatableArray<ResponseModel> Responses);
