package app.catchball.base.db;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Takes the embedded data folder's {@link DataFolderLock} before the application context starts
 * anything (registered in META-INF/spring.factories), so that a second Catchball on the same
 * folder stops at once, with one line, and touches neither the first one nor its database. The
 * lock is a bean, released after the embedded PostgreSQL has stopped. With the embedded database
 * turned off (the {@code prod} profile) and no external one configured, it stops at once too.
 */
public class DataFolderOwnership implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BEAN = "embeddedDataFolderLock";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!NoExternalDatasource.appliesTo(environment)) {
            if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
                throw new NoDatabaseConfiguredException();
            }
            return;
        }
        // Read once: a value such as ${random.uuid} differs at every read.
        String shownAs = environment.getProperty("catchball.embedded-postgres.data-dir", "./data/postgres");
        Path folder = Path.of(shownAs).toAbsolutePath().normalize();
        DataFolderLock lock;
        try {
            Files.createDirectories(folder);
            if (!Files.isWritable(folder)) {
                throw new AccessDeniedException(folder.toString());
            }
            lock = DataFolderLock.acquire(folder, shownAs);
        } catch (IOException e) {
            throw new DataFolderNotWritableException(shownAs, e);
        }
        context.getBeanFactory().registerSingleton(BEAN, lock);
        if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
            registry.registerDisposableBean(BEAN, lock);
        }
    }
}
