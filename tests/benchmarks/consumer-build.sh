#!/usr/bin/env bash
# What a large taxonomy costs a consumer's build: packs PaperModel, writes two console apps that reference the package,
# one with a synthetic taxonomy of 24 topics and one with 2,000 (the generator comparisons' taxonomy), and times
# `dotnet build -c Release` of each, as a clean build (bin and obj/Release removed) and after a one-line C# edit.
# Prints the median wall-clock seconds of RUNS builds each. Usage: tests/benchmarks/consumer-build.sh [RUNS] [TOPICS]
set -euo pipefail
runs="${1:-5}"
topics="${2:-2000}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages"
suffix="build-$(date +%s)"

dotnet pack "$repo/src/PaperModel/PaperModel.csproj" -c Release -o "$work/feed" -p:VersionSuffix="$suffix" >/dev/null
version="$(basename "$work"/feed/PaperModel.*.nupkg .nupkg)"
version="${version#PaperModel.}"
dotnet build "$repo/tests/PaperModel.Benchmarks" -c Release >/dev/null
cat >"$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$work/feed" />
  </packageSources>
</configuration>
XML

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f\n", e - s }'; }

for size in 24 "$topics"; do
  app="$work/app$size"
  mkdir -p "$app"
  cat >"$app/app.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
    <RootNamespace>App</RootNamespace>
    <PaperModel_ClassName>MyTopics</PaperModel_ClassName>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="PaperModel" Version="$version" />
  </ItemGroup>
</Project>
XML
  dotnet "$repo/tests/PaperModel.Benchmarks/bin/Release/net10.0/PaperModel.Benchmarks.dll" --write-synthetic-taxonomy "$size" "$app/my.taxonomy.json"
  printf 'using App;\nusing PaperModel.Classification;\n\nTopic topic = MyTopics.Topic0.Topic1;\nConsole.WriteLine($"{MyTopics.All.Count} {topic.Path}");\n' >"$app/Program.cs"
  dotnet restore "$app" >/dev/null
  dotnet build "$app" -c Release --no-restore >/dev/null
  [ "$(dotnet "$app/bin/Release/net10.0/app.dll")" = "$size topic-0/topic-1" ]

  clean=$(for _ in $(seq "$runs"); do rm -rf "$app/bin" "$app/obj/Release"; seconds dotnet build "$app" -c Release --no-restore; done | median)
  edit=$(for i in $(seq "$runs"); do echo "// edit $i" >>"$app/Program.cs"; seconds dotnet build "$app" -c Release --no-restore; done | median)
  echo "$size topics: clean build ${clean} s, after a one-line edit ${edit} s (median of $runs)"
done
