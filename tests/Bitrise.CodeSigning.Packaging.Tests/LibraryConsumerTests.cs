using System.IO;
using System.Threading.Tasks;
using Bitrise.CodeSigning.Packaging.Tests.Infrastructure;

namespace Bitrise.CodeSigning.Packaging.Tests;

/// <summary>A console app that takes the library and the emulator as packages and runs a file's lifecycle.</summary>
[Collection(PackagesCollection.Name)]
public sealed class LibraryConsumerTests(PackedPackages packages)
{
    private const string Program = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text;
        using Bitrise.CodeSigning;
        using Bitrise.CodeSigning.Emulator;
        using Microsoft.Extensions.DependencyInjection;

        await using var emulator = await BitriseEmulator.StartAsync();

        var services = new ServiceCollection();
        services.AddBitriseCodeSigning(options =>
        {
            options.BaseAddress = emulator.ApiBaseAddress;
            options.AccessToken = emulator.AccessToken;
        });
        await using var provider = services.BuildServiceProvider();
        var files = provider.GetRequiredService<ICodeSigningFiles>();

        var content = Encoding.UTF8.GetBytes("{\"project_info\":{\"project_id\":\"packaging-test\"}}");
        var uploaded = await files.UploadGenericProjectFileAsync(
            "demo-app", "GOOGLE_SERVICES_JSON", UploadSource.FromStream(new MemoryStream(content), content.Length, "google-services.json"));
        Console.WriteLine($"uploaded {uploaded.Slug}");

        var listed = new List<string?>();
        await foreach (var file in files.ListGenericProjectFilesAsync("demo-app"))
        {
            listed.Add(file.Slug);
        }

        if (!listed.Contains(uploaded.Slug))
        {
            Console.WriteLine($"FAILED: the list has {string.Join(", ", listed)} but not {uploaded.Slug}");
            return 1;
        }

        using var downloaded = new MemoryStream();
        await files.DownloadAsync(CodeSigningFileKind.GenericProjectFile, "demo-app", uploaded.Slug!, downloaded);
        if (!downloaded.ToArray().SequenceEqual(content))
        {
            Console.WriteLine($"FAILED: downloaded {downloaded.Length} bytes that differ from the {content.Length} uploaded");
            return 1;
        }

        Console.WriteLine("OK");
        return 0;
        """;

    [Fact]
    public async Task LibraryAndEmulatorPackages_RunUploadListDownload()
    {
        var consumer = ConsumerProject.Create(packages, "library-consumer");
        consumer.WriteFile("LibraryConsumer.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedPackages.LibraryId}" Version="{packages.Version}" />
                <PackageReference Include="{PackedPackages.EmulatorId}" Version="{packages.Version}" />
              </ItemGroup>
            </Project>
            """);
        consumer.WriteFile("Program.cs", Program);

        var build = await consumer.BuildAsync();
        Assert.True(build.ExitCode == 0, build.Describe());

        // The emulator's ASP.NET Core framework reference reached the app, which references no framework itself.
        var runtimeConfig = File.ReadAllText(Path.Combine(consumer.Directory, "bin", "Debug", "net10.0", "LibraryConsumer.runtimeconfig.json"));
        Assert.Contains("Microsoft.AspNetCore.App", runtimeConfig);

        var run = await consumer.RunAsync();
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains("OK", run.Output);
    }
}
