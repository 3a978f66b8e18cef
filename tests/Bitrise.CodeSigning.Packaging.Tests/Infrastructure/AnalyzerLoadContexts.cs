using System.IO;
using System.Reflection;
using System.Runtime.Loader;

namespace Bitrise.CodeSigning.Packaging.Tests.Infrastructure;

/// <summary>
/// Loads an analyzer folder as the .NET compiler does: each file of the folder into this context, and
/// everything else (Roslyn, the framework) from the default context, so that the test shares Roslyn's types.
/// </summary>
internal sealed class AnalyzerFolderLoadContext(string directory) : AssemblyLoadContext("analyzer folder")
{
    protected override Assembly? Load(AssemblyName assemblyName)
    {
        var path = Path.Combine(directory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}

/// <summary>
/// Stands in for a compiler host that shares one context between analyzers and has already loaded an older
/// Newtonsoft.Json: every request for that name gets the older assembly, whichever version it requests. Other
/// files of the analyzer folder load from there, and Roslyn and the framework come from the default context.
/// </summary>
internal sealed class OlderNewtonsoftJsonHostContext : AssemblyLoadContext
{
    private readonly string _analyzerDirectory;

    public OlderNewtonsoftJsonHostContext(string analyzerDirectory, string olderNewtonsoftJsonPath)
        : base("host with an older Newtonsoft.Json")
    {
        _analyzerDirectory = analyzerDirectory;
        HeldNewtonsoftJson = LoadFromAssemblyPath(olderNewtonsoftJsonPath);
    }

    /// <summary>The older Newtonsoft.Json that the host loaded before the analyzer.</summary>
    public Assembly HeldNewtonsoftJson { get; }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name == HeldNewtonsoftJson.GetName().Name)
        {
            return HeldNewtonsoftJson;
        }

        var path = Path.Combine(_analyzerDirectory, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(path) : null;
    }
}
