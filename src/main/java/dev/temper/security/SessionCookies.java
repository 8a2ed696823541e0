package dev.temper.security;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Vaadin's session lives in the servlet session, whose id is the one cookie worth stealing: scripts may not read it
 * (SameSite is set with the other HTTP settings, in application.properties).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setHttpOnly(true);
    }
}
