using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Bitrise.OpenApi.SourceGenerator.Helpers;

/// <summary>
/// Makes the generator use the copies of NSwag and its dependencies that ship beside it in
/// <c>analyzers/dotnet/cs</c>, even where the compiler host has already loaded other versions of them.
/// </summary>
/// <remarks>
/// <para>
/// On .NET Framework (Visual Studio's compiler) every analyzer shares one AppDomain. A request for a shipped
/// assembly that the host cannot bind, such as Newtonsoft.Json 13.0.0.0 while the host has 12.0.0.0, raises
/// <see cref="AppDomain.AssemblyResolve"/>, and the handler installed by <see cref="Install"/> loads the file
/// from the generator's folder.
/// </para>
/// <para>
/// On .NET the compiler gives each analyzer folder its own <c>AssemblyLoadContext</c>, so this is normally a
/// no-op. A host whose context binds a shipped name to another version cannot be corrected from inside that
/// context, because the context decides every binding. <see cref="CreateIsolatedGenerator"/> detects that case
/// and loads a second copy of the generator, with its dependencies, into a private context that Roslyn's
/// assemblies still reach through the default context.
/// </para>
/// NOTE: the .NET Framework path is written for Visual Studio's loader but only the .NET path runs in this
/// repository's tests, because no .NET Framework host is available on the build machines.
/// </remarks>
internal static class DependencyResolver
{
    /// <summary>
    /// The assemblies that the package ships beside the generator. The packaging tests check that this list and
    /// the package's <c>analyzers/dotnet/cs</c> folder name the same files.
    /// </summary>
    internal static readonly string[] ShippedAssemblyNames =
    [
        "Namotion.Reflection",
        "Newtonsoft.Json",
        "NJsonSchema",
        "NJsonSchema.Annotations",
        "NJsonSchema.Yaml",
        "NSwag.Core",
        "NSwag.Core.Yaml",
        "YamlDotNet",
    ];

    /// <summary>The name of the private load context. A copy of the generator that runs in a context of this name does the work itself.</summary>
    internal const string IsolatedContextName = "Bitrise.OpenApi.SourceGenerator (isolated)";

    private const string LoadContextTypeName = "System.Runtime.Loader.AssemblyLoadContext, System.Runtime.Loader";

    private static readonly Assembly GeneratorAssembly = typeof(DependencyResolver).Assembly;

    private static readonly Lazy<IIncrementalGenerator?> IsolatedGenerator = new(CreateIsolatedGeneratorCore);

    /// <summary>The folder of the generator assembly, or null when it was loaded from bytes and has no file.</summary>
    private static string? GeneratorDirectory =>
        string.IsNullOrEmpty(GeneratorAssembly.Location) ? null : Path.GetDirectoryName(GeneratorAssembly.Location);

    /// <summary>
    /// Installs the <see cref="AppDomain.AssemblyResolve"/> handler on .NET Framework. It runs as the module
    /// initializer, so it is in place before any method that uses NSwag is compiled.
    /// </summary>
#pragma warning disable CA2255 // The compiler host calls no code of this assembly before it needs its dependencies; an initializer is the only hook that runs first.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Install()
    {
        if (FindLoadContextType() is not null || GeneratorDirectory is null)
        {
            return;
        }

        AppDomain.CurrentDomain.AssemblyResolve += ResolveFromGeneratorDirectory;
    }

    /// <summary>
    /// Returns a copy of the generator that runs in a private load context with its own dependencies. It does so
    /// when this copy's context binds one of them to an older version or cannot bind it. Otherwise, and on
    /// .NET Framework, returns null, and this copy does the work.
    /// </summary>
    public static IIncrementalGenerator? CreateIsolatedGenerator() => IsolatedGenerator.Value;

    private static Assembly? ResolveFromGeneratorDirectory(object? sender, ResolveEventArgs args)
    {
        try
        {
            var name = new AssemblyName(args.Name);
            var path = ShippedAssemblyPath(name);
            return path is null ? null : Assembly.LoadFrom(path);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or UnauthorizedAccessException or ArgumentException)
        {
            // Returning null lets the runtime raise its own FileNotFoundException for the request.
            return null;
        }
    }

    private static IIncrementalGenerator? CreateIsolatedGeneratorCore()
    {
        var loadContextType = FindLoadContextType();
        var directory = GeneratorDirectory;
        if (loadContextType is null || directory is null)
        {
            return null;
        }

        var loadContexts = new LoadContextMethods(loadContextType);
        var ownContext = loadContexts.GetLoadContext(GeneratorAssembly);
        if (ownContext is null || loadContexts.GetName(ownContext) == IsolatedContextName || BindsShippedDependencies(loadContexts, ownContext))
        {
            return null;
        }

        try
        {
            var isolatedContext = loadContexts.Create(IsolatedContextName);

            // Loading every shipped file first means that references between them bind inside this context
            // and never fall back to a version that the default context may have.
            foreach (var shippedName in ShippedAssemblyNames)
            {
                loadContexts.LoadFromAssemblyPath(isolatedContext, Path.Combine(directory, shippedName + ".dll"));
            }

            var isolatedAssembly = loadContexts.LoadFromAssemblyPath(isolatedContext, GeneratorAssembly.Location);
            var generatorType = isolatedAssembly.GetType(typeof(OpenApiGenerator).FullName!, throwOnError: true);

            // The cast fails when the private context reached another copy of Roslyn than the host's. The
            // generator then runs in place, because running with the host's dependencies beats not running.
            return Activator.CreateInstance(generatorType!) as IIncrementalGenerator;
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or TypeLoadException or TargetInvocationException or MissingMethodException)
        {
            return null;
        }
    }

    /// <summary>
    /// Returns true when the context binds each shipped assembly that the generator references to at least the
    /// version that the generator was built against.
    /// </summary>
    private static bool BindsShippedDependencies(LoadContextMethods loadContexts, object context)
    {
        var references = GeneratorAssembly.GetReferencedAssemblies()
            .Where(reference => ShippedAssemblyNames.Contains(reference.Name, StringComparer.OrdinalIgnoreCase));

        foreach (var reference in references)
        {
            try
            {
                var bound = loadContexts.LoadFromAssemblyName(context, reference).GetName();
                if (reference.Version is not null && (bound.Version is null || bound.Version < reference.Version))
                {
                    return false;
                }
            }
            catch (Exception exception) when (exception is IOException or BadImageFormatException or TargetInvocationException)
            {
                return false;
            }
        }

        return true;
    }

    private static string? ShippedAssemblyPath(AssemblyName name)
    {
        var directory = GeneratorDirectory;
        if (directory is null || name.Name is null || !ShippedAssemblyNames.Contains(name.Name, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        // A missing file ends in FileNotFoundException from the load, which the callers catch.
        return Path.Combine(directory, name.Name + ".dll");
    }

    /// <summary>
    /// Finds <c>AssemblyLoadContext</c>, which exists on .NET (Core) and not on .NET Framework. The generator
    /// targets netstandard2.0, which has no such type, so it is reached by reflection.
    /// </summary>
    private static Type? FindLoadContextType()
    {
        try
        {
            return Type.GetType(LoadContextTypeName, throwOnError: false);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>The members of <c>AssemblyLoadContext</c> that the isolation uses, bound by reflection.</summary>
    private sealed class LoadContextMethods(Type loadContextType)
    {
        private readonly MethodInfo _getLoadContext = loadContextType.GetMethod("GetLoadContext", [typeof(Assembly)])!;
        private readonly MethodInfo _loadFromAssemblyPath = loadContextType.GetMethod("LoadFromAssemblyPath", [typeof(string)])!;
        private readonly MethodInfo _loadFromAssemblyName = loadContextType.GetMethod("LoadFromAssemblyName", [typeof(AssemblyName)])!;
        private readonly PropertyInfo _name = loadContextType.GetProperty("Name")!;
        private readonly ConstructorInfo _constructor = loadContextType.GetConstructor([typeof(string), typeof(bool)])!;

        public object? GetLoadContext(Assembly assembly) => _getLoadContext.Invoke(null, [assembly]);

        public string? GetName(object context) => (string?)_name.GetValue(context);

        public object Create(string name) => _constructor.Invoke([name, false]);

        public Assembly LoadFromAssemblyPath(object context, string path) => (Assembly)_loadFromAssemblyPath.Invoke(context, [path])!;

        public Assembly LoadFromAssemblyName(object context, AssemblyName name) => (Assembly)_loadFromAssemblyName.Invoke(context, [name])!;
    }
}
