package dev.crmkit.modulecheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExportsTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.ModuleTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every type, constructor, method, field and enum constant a published module exports has a doc comment, and so do
 * the modules and their exported packages: the half of doclint's {@code missing} group that the Javadoc build leaves
 * out (docs/decisions/0004-javadoc.md). The Javadoc build checks everything else doclint knows, and fails on a
 * warning.
 *
 * <p>An element counts as exported when it is public or protected in a package the module's
 * {@code module-info.java} exports, and every class around it is exported too; members of interfaces and annotation
 * types are public without the keyword. A method marked {@code @Override} inherits its documentation, as in the
 * Javadoc tool.
 */
class DocumentedApiTest {
    /** The published modules, as folders beside this one. */
    private static final List<String> PUBLISHED = List.of("crm-persistence-spi", "crm-persistence-tck", "crm-core",
            "crm-inmemory-adapter", "crm-jdbc-adapter");

    @Test
    void every_exported_type_and_member_of_the_published_modules_has_a_doc_comment() throws IOException {
        // given the sources of every published module
        List<String> undocumented = new ArrayList<>();
        for (String module : PUBLISHED) {
            // when the exported elements without a doc comment are collected
            undocumented(Paths.get("..", module, "src", "main", "java"))
                    .forEach(element -> undocumented.add(module + ": " + element));
        }

        // then there are none
        assertThat(undocumented)
                .as("exported elements without a doc comment: write one that states the contract")
                .isEmpty();
    }

    @Test
    void an_exported_element_without_a_comment_is_reported_and_an_internal_or_overriding_one_is_not(
            @TempDir Path sources) throws IOException {
        // given a module exporting one package, with undocumented elements in both of its packages
        Files.createDirectories(sources.resolve("api"));
        Files.createDirectories(sources.resolve("internal"));
        Files.writeString(sources.resolve("module-info.java"), "/** M. */ module m { exports api; }");
        Files.writeString(sources.resolve("api/package-info.java"), "/** The API. */ package api;");
        Files.writeString(sources.resolve("api/Service.java"), String.join("\n",
                "package api;",
                "/** A service. */",
                "public interface Service {",
                "    void undocumentedInterfaceMethod();",
                "    /** Documented. */",
                "    void documented();",
                "    enum Kind { UNDOCUMENTED_CONSTANT }",
                "}"));
        Files.writeString(sources.resolve("api/Value.java"), String.join("\n",
                "package api;",
                "/** A value. */",
                "public record Value(int amount) {",
                "    public Value {",
                "    }",
                "    @Override",
                "    public String toString() { return \"\"; }",
                "    static void packagePrivate() { }",
                "    public static final int UNDOCUMENTED_FIELD = 1;",
                "}"));
        Files.writeString(sources.resolve("api/Hidden.java"), "package api; class Hidden { public void x() { } }");
        Files.writeString(sources.resolve("internal/Wiring.java"), "package internal; public class Wiring { }");

        // when it is checked
        List<String> undocumented = undocumented(sources);

        // then exactly the exported elements without a comment are named
        assertThat(undocumented).containsExactlyInAnyOrder(
                "api/Service.java:4 undocumentedInterfaceMethod",
                "api/Service.java:7 Kind",
                "api/Service.java:7 UNDOCUMENTED_CONSTANT",
                "api/Value.java:4 Value",
                "api/Value.java:9 UNDOCUMENTED_FIELD");
    }

    /** The exported elements of the module whose sources are under {@code root} that have no doc comment. */
    private static List<String> undocumented(Path sources) throws IOException {
        Path root = sources.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(path -> path.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> found = new ArrayList<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fileManager, null, List.of("-proc:none"), null,
                    fileManager.getJavaFileObjectsFromPaths(files));
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            DocTrees docs = DocTrees.instance(task);
            Set<String> exported = exportedPackages(units, docs, root, found);
            for (CompilationUnitTree unit : units) {
                String pkg = unit.getPackageName() == null ? "" : unit.getPackageName().toString();
                if (!exported.contains(pkg)) {
                    continue;
                }
                if (unit.getSourceFile().getName().endsWith("package-info.java")) {
                    if (docs.getDocCommentTree(new TreePath(new TreePath(unit), unit.getPackage())) == null) {
                        found.add(location(root, unit, unit.getPackage(), docs) + " package " + pkg);
                    }
                    continue;
                }
                new ExportedElements(root, unit, docs, found).scan(unit, null);
            }
            for (String pkg : exported) {
                if (!Files.exists(root.resolve(pkg.replace('.', '/')).resolve("package-info.java"))) {
                    found.add(pkg.replace('.', '/') + " has no package-info.java");
                }
            }
        }
        return found;
    }

    private static Set<String> exportedPackages(List<CompilationUnitTree> units, DocTrees docs, Path root,
            List<String> found) {
        Set<String> exported = new TreeSet<>();
        for (CompilationUnitTree unit : units) {
            if (unit.getModule() == null) {
                continue;
            }
            ModuleTree module = unit.getModule();
            if (docs.getDocCommentTree(new TreePath(new TreePath(unit), module)) == null) {
                found.add(location(root, unit, module, docs) + " module " + module.getName());
            }
            module.getDirectives().stream()
                    .filter(directive -> directive instanceof ExportsTree exports && exports.getModuleNames() == null)
                    .forEach(directive -> exported.add(((ExportsTree) directive).getPackageName().toString()));
        }
        assertThat(exported).as("the exported packages of %s", root).isNotEmpty();
        return exported;
    }

    private static String location(Path root, CompilationUnitTree unit, Tree tree, DocTrees docs) {
        long position = docs.getSourcePositions().getStartPosition(unit, tree);
        return root.relativize(Paths.get(unit.getSourceFile().toUri())) + ":"
                + unit.getLineMap().getLineNumber(position);
    }

    /** Walks one compilation unit and collects the exported declarations that have no doc comment. */
    private static final class ExportedElements extends TreePathScanner<Void, Void> {
        private final Path root;
        private final CompilationUnitTree unit;
        private final DocTrees docs;
        private final List<String> found;

        ExportedElements(Path root, CompilationUnitTree unit, DocTrees docs, List<String> found) {
            this.root = root;
            this.unit = unit;
            this.docs = docs;
            this.found = found;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            if (!exported(type.getModifiers())) {
                return null; // nothing inside a type that is not exported is exported either
            }
            require(type.getSimpleName().toString());
            return super.visitClass(type, unused);
        }

        @Override
        public Void visitMethod(MethodTree method, Void unused) {
            boolean overrides = method.getModifiers().getAnnotations().stream()
                    .anyMatch(annotation -> annotation.getAnnotationType().toString().equals("Override"));
            if (exported(method.getModifiers()) && !overrides) {
                String name = method.getName().contentEquals("<init>") ? enclosingName()
                        : method.getName().toString();
                require(name);
            }
            return null; // local classes and lambdas in a body are not API
        }

        @Override
        public Void visitVariable(VariableTree variable, Void unused) {
            // fields and enum constants only: a method's parameters and locals are never visited (see visitMethod)
            if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree owner
                    && !isRecordComponent(owner, variable)
                    && (exported(variable.getModifiers()) || isEnumConstant(owner, variable))) {
                require(variable.getName().toString());
            }
            return null;
        }

        private boolean exported(ModifiersTree modifiers) {
            Set<Modifier> flags = modifiers.getFlags();
            if (flags.contains(Modifier.PRIVATE)) {
                return false;
            }
            Tree owner = getCurrentPath().getParentPath().getLeaf();
            if (owner instanceof ClassTree ownerType && (ownerType.getKind() == Tree.Kind.INTERFACE
                    || ownerType.getKind() == Tree.Kind.ANNOTATION_TYPE)) {
                return true;
            }
            return flags.contains(Modifier.PUBLIC) || flags.contains(Modifier.PROTECTED);
        }

        private boolean isEnumConstant(ClassTree owner, VariableTree variable) {
            return owner.getKind() == Tree.Kind.ENUM
                    && variable.getType() != null
                    && variable.getType().toString().equals(owner.getSimpleName().toString())
                    && variable.getInitializer() != null
                    && variable.getInitializer().getKind() == Tree.Kind.NEW_CLASS;
        }

        private boolean isRecordComponent(ClassTree owner, VariableTree variable) {
            return owner.getKind() == Tree.Kind.RECORD
                    && !variable.getModifiers().getFlags().contains(Modifier.STATIC);
        }

        private String enclosingName() {
            return ((ClassTree) getCurrentPath().getParentPath().getLeaf()).getSimpleName().toString();
        }

        private void require(String name) {
            DocCommentTree comment = docs.getDocCommentTree(getCurrentPath());
            if (comment == null) {
                found.add(location(root, unit, getCurrentPath().getLeaf(), docs) + " " + name);
            }
        }
    }
}
