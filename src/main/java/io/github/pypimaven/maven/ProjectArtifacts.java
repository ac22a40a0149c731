package io.github.pypimaven.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/** The files of a project's main and attached artifacts, among which publishing looks for wheels and sdists. */
final class ProjectArtifacts {

    private ProjectArtifacts() {
    }

    static List<Path> files(MavenProject project) {
        List<Path> files = new ArrayList<>();
        add(files, project.getArtifact());
        project.getAttachedArtifacts().forEach(artifact -> add(files, artifact));
        return files;
    }

    private static void add(List<Path> files, Artifact artifact) {
        File file = artifact == null ? null : artifact.getFile();
        if (file != null) {
            files.add(file.toPath());
        }
    }
}
