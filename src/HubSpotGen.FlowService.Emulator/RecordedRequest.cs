namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// One request the emulator answered, as <see cref="FlowServiceEmulator.Requests"/> and
/// <c>GET /__emulator/requests</c> show it: no body and no header, since both carry credentials.
/// </summary>
/// <param name="Method">The method in upper case, such as <c>POST</c>.</param>
/// <param name="Path">The path from the server root, such as <c>/data/foundation/flowservice/connections</c>.</param>
/// <param name="Query">The query string as sent, without the <c>?</c>; empty when there was none. A <c>client_secret</c> parameter reads as <c>********</c>.</param>
/// <param name="Status">The status answered; null when the connection was dropped without an answer.</param>
public sealed record RecordedRequest(string Method, string Path, string Query, int? Status);
