using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace HubSpotGen.FlowService.Emulator;

/// <summary>
/// The file <see cref="FlowServiceEmulatorOptions.StateFile"/> names: read once at start, rewritten after every
/// change. A write goes to a temporary file beside it that then replaces it, so a crash mid-write leaves the
/// previous state, never half of one.
/// </summary>
internal sealed class StateFile(string path, SandboxStore store)
{
    private readonly object _writeGate = new();

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>Loads the file into the store when it exists; a missing file is a first start.</summary>
    /// <exception cref="EmulatorStateException">The file cannot be read or is not an emulator state.</exception>
    public void Load()
    {
        if (!File.Exists(Path))
        {
            return;
        }

        try
        {
            using var reader = new JsonTextReader(new StreamReader(Path, Encoding.UTF8)) { DateParseHandling = DateParseHandling.None };
            var document = JToken.ReadFrom(reader, new JsonLoadSettings { DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
            // Reading on makes Newtonsoft refuse anything after the document.
            reader.Read();

            EmulatorState.Load(store, document);
        }
        catch (EmulatorStateException exception)
        {
            throw new EmulatorStateException(Describe(exception.Message), exception);
        }
        catch (JsonException exception)
        {
            // Newtonsoft's message gives the line and position, and at most the one character it stopped at.
            throw new EmulatorStateException(Describe("it is not valid JSON: " + exception.Message.ReplaceLineEndings(" ")), exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EmulatorStateException(Describe("it cannot be read: " + exception.Message), exception);
        }
    }

    /// <summary>Writes what the store holds now.</summary>
    /// <exception cref="EmulatorStateException">The file cannot be written.</exception>
    public void Save()
    {
        var text = EmulatorState.Save(store).ToString(Formatting.Indented) + "\n";
        lock (_writeGate)
        {
            var temporary = Path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            try
            {
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
                File.WriteAllText(temporary, text, new UTF8Encoding(false));
                File.Move(temporary, Path, overwrite: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                TryDelete(temporary);
                throw new EmulatorStateException("The emulator state file " + Path + " cannot be written: " + exception.Message, exception);
            }
        }
    }

    private string Describe(string problem) => "The emulator state file " + Path + " cannot be used: " + problem;

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The write failed already; that is the error worth reporting.
        }
    }
}
